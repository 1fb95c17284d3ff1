/** What a reader does on the built site in a real browser: diagrams, language tabs, screenshots, search. */
import { describe } from 'vitest';
import { openSiteSession } from './lib/session';
import { diagramTests } from './suites/diagram';
import { screenshotTests } from './suites/screenshots';
import { searchTests } from './suites/search';
import { tabTests } from './suites/tabs';

const session = openSiteSession();

describe('sequence diagrams', () => diagramTests(session));
describe('language tabs', () => tabTests(session));
describe('screenshots', () => screenshotTests(session));
describe('local search', () => searchTests(session));
