/** Every <Sample> of the built site in a real browser: each language tab surveyed, and Try it run. */
import { describe } from 'vitest';
import { openSiteSession } from './lib/session';
import { sampleTests } from './suites/samples';

const session = openSiteSession();

describe('samples', () => sampleTests(session));
