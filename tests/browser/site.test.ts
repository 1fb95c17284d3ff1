/**
 * The built site in a real browser: one build of the current sources, one static server, one Chromium,
 * pages visited in sequence. Each suite module registers its tests against the shared session.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { SiteSession } from './lib/session';
import { budgetTests } from './suites/budget';
import { diagramTests } from './suites/diagram';
import { pageTests } from './suites/pages';
import { sampleTests } from './suites/samples';
import { screenshotTests } from './suites/screenshots';
import { searchTests } from './suites/search';
import { tabTests } from './suites/tabs';

const session = new SiteSession();

// The run's shared build (~60 s cold on two cores, made here or by tests/site/build.test.ts).
beforeAll(session.start, 300_000);
afterAll(session.stop);

describe('sequence diagrams', () => diagramTests(session));
describe('language tabs', () => tabTests(session));
describe('samples', () => sampleTests(session));
describe('every page', () => pageTests(session));
describe('screenshots', () => screenshotTests(session));
describe('local search', () => searchTests(session));
describe('JavaScript budget', () => budgetTests(session));
