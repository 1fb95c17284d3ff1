import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** Folders whose test files load their modules once per worker (see the `shared-modules` project below). */
const SHARED_MODULE_DIRS = ['sandbox/test', 'tests/sdk-conformance', 'tests/site'];
/** Every other folder under tests/: isolated, each file with its own module registry. */
const ISOLATED_TEST_FILES = `tests/!(${SHARED_MODULE_DIRS.filter((dir) => dir.startsWith('tests/'))
  .map((dir) => dir.slice('tests/'.length))
  .join('|')})/**/*.test.ts`;
/** Test files that replace a module (vi.mock): they need a module registry of their own. */
const MOCKING_FILES = ['sandbox/test/auth-constant-time.test.ts', 'tests/site/markdownTwin.test.ts'];

export default defineConfig({
  test: {
    // Names the run, so the suites that need the production build share one (tests/setup/siteBuildRun.ts).
    globalSetup: ['tests/setup/siteBuildRun.ts'],
    // Forks isolate native modules (better-sqlite3) and child processes better than worker threads.
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: a single one on two cores, so each file waited for
    // the last. The files mostly wait on child processes (samples, compilers, the build, Chromium, sandboxes).
    maxWorkers: availableParallelism() + 1,
    // Tests start servers, compilers and sample programs: allow more than vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'isolated',
          include: [ISOLATED_TEST_FILES, ...MOCKING_FILES],
        },
      },
      {
        extends: true,
        test: {
          name: 'shared-modules',
          include: SHARED_MODULE_DIRS.map((dir) => `${dir}/**/*.test.ts`),
          exclude: [...configDefaults.exclude, ...MOCKING_FILES],
          // These files build their own apps and servers (own store, own config) and keep no module state, so a
          // worker may run several of them on one import of their modules: importing the sandbox (~1.5 s of
          // transform and load per file) was most of the sandbox files' time.
          isolate: false,
        },
      },
    ],
  },
});
