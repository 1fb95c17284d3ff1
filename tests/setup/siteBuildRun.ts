/**
 * Vitest global setup: names this test run, so that the suites needing the production build
 * (tests/site/build.test.ts, tests/browser) share one build per run (see `suiteBuild` in
 * tests/browser/lib/siteBuild.ts). The build itself is made by the first suite that asks for it, so a run
 * of other files only never pays for it.
 */
import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Unique per `vitest run`: a build stamped with it is this run's build. */
    siteBuildRun: string;
  }
}

export default function setup(project: TestProject): void {
  // Called for the root and again for each project of vitest.config.ts: the first call names the run for all.
  if (!project.vitest.getProvidedContext().siteBuildRun) project.vitest.provide('siteBuildRun', randomUUID());
}
