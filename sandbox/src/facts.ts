// The sandbox's facts as plain data, for the docs site's build: the demo project, the error catalogue with
// ProcessOut's decline codes, and the test APM's outcomes. No server code: importing this entry
// (`@apm-docs/sandbox/facts`) does not load Fastify or SQLite, which would slow down every site build.
export { DEMO_PROJECT } from './demo.ts';
export {
  ERROR_CATALOGUE,
  catalogueEntry,
  errorAnchor,
  namedErrorCodes,
  type CatalogueEntry,
  type ErrorKind,
} from './lib/error-catalogue.ts';
export { DECLINE_CODES, type DeclineCode, type DeclineCategory } from './lib/decline-codes.ts';
export { TEST_OUTCOMES, type TestOutcome, type CaptureAnswer } from './services/test-outcomes.ts';
