import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'sandbox/test/**/*.test.ts'],
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
  },
});
