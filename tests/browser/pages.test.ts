/**
 * Every page of the built site in a real browser (one pass, shared by the checks that read it): loads
 * cleanly, and stays within the JavaScript budget. The other browser files hold the rest; each opens its
 * own Chromium on the run's one build, so vitest runs them side by side.
 */
import { describe } from 'vitest';
import { openSiteSession } from './lib/session';
import { budgetTests } from './suites/budget';
import { pageTests } from './suites/pages';

const session = openSiteSession();

describe('every page', () => pageTests(session));
describe('JavaScript budget', () => budgetTests(session));
