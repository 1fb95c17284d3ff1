// The verification records: for every sample file, which kinds of check (`CheckId`s) a test file ran on
// it and how they ended, kept in samples/<name>/.verified*.json as vitest file snapshots, one record file
// per test file (src/sample-files/verification.ts: VERIFICATION_RECORD_FILES). The site merges them into
// each tab's badge, so they must say what CI did, on any machine:
// - check tests carry `meta.verifies` (see `verifies`); a record is built from their results in its
//   test file only;
// - CI (CI=true) never skips a check (a missing tool fails), so a committed record is a full run's;
// - locally, a check skipped for a missing tool does not overwrite an existing record: the record test
//   skips instead. A new folder's first record is written even then, marked "skipped", and CI rejects it
//   until it is regenerated with every tool installed (`npx vitest run tests/samples -u`).
//
// Recording from another test file (the SDK-surface checks, tests/samples/sdk-surface.test.ts):
//   it("typechecks with mypy --strict", verifies("mypy", ...pythonFiles), async () => { … });
//   it(`compiles ${file.relativePath} against the stubs`, verifies("go-build", file.relativePath), …);
//   it(`calls only what the PHP SDK has`, verifies("sdk-surface", file.relativePath), …);
//   // last, after every check test of the file:
//   defineVerificationRecordTests(discoverSamples(), SDK_SURFACE_RECORD_FILE);
// which writes samples/<name>/.verified.sdk.json with the kinds that file's tests checked. A kind goes
// in one record file only (the site refuses a check recorded twice); the badge tiers are in CHECKS.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it, type RunnerTask, type RunnerTestFile } from 'vitest';
import {
  formatVerificationRecord,
  VERIFICATION_RECORD_FILE,
  VERIFICATION_RECORD_FILES,
  type CheckId,
  type CheckStatus,
  type VerificationRecord,
} from '../../../src/sample-files/verification.ts';
import type { SampleFolder } from '../../../src/sample-files/index.ts';

interface Verifies {
  check: CheckId;
  /** Paths from the repository root, as `SampleFile.relativePath`. */
  files: readonly string[];
}

declare module 'vitest' {
  interface TaskMeta {
    /** The check a test (or every test of a describe) performs on these files; null opts a test out. */
    verifies?: Verifies | null;
  }
}

/** Test options marking a test, or a describe's tests, as `check` of `files`. */
export function verifies(check: CheckId, ...files: readonly string[]) {
  return { meta: { verifies: { check, files } } };
}

/** Test options for a test inside a `verifies` describe that is not part of that check. */
export const NOT_A_CHECK = { meta: { verifies: null } };

function statusOf(task: RunnerTask): CheckStatus {
  switch (task.result?.state) {
    case 'pass':
      return 'passed';
    case 'fail':
      return 'failed';
    default:
      // Skipped for a missing tool, filtered out of this run, or not run yet.
      return 'skipped';
  }
}

const SEVERITY: readonly CheckStatus[] = ['passed', 'skipped', 'failed'];
const worst = (a: CheckStatus | undefined, b: CheckStatus): CheckStatus =>
  a === undefined || SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;

function* testsOf(task: RunnerTask): Generator<RunnerTask> {
  if (task.type === 'test') yield task;
  if ('tasks' in task) for (const child of task.tasks) yield* testsOf(child);
}

/**
 * The record of one folder, from the results of every check test of its files in this test file. A
 * test file that checks only some languages records only those files (`onlyCheckedFiles`).
 */
export function recordOf(folder: SampleFolder, testFile: RunnerTestFile, onlyCheckedFiles = false): VerificationRecord {
  const names = new Map(folder.files.map((file) => [file.relativePath, path.basename(file.path)]));
  const record: VerificationRecord = Object.fromEntries(folder.files.map((file) => [path.basename(file.path), {}]));
  for (const test of testsOf(testFile)) {
    const verified = test.meta.verifies;
    if (!verified) continue;
    for (const file of verified.files) {
      const name = names.get(file);
      const checks = name === undefined ? undefined : record[name];
      if (checks) checks[verified.check] = worst(checks[verified.check], statusOf(test));
    }
  }
  if (!onlyCheckedFiles) return record;
  return Object.fromEntries(Object.entries(record).filter(([, checks]) => Object.keys(checks).length > 0));
}

export type VerificationRecordFile = (typeof VERIFICATION_RECORD_FILES)[number];

/**
 * Registers, last in a folder's describe, the test that compares (or first writes) its record in
 * `recordFile` from the check tests of this test file. The samples suite's record (`.verified.json`)
 * lists every file of the folder; another suite's lists the files it checked, and a folder it checked
 * nothing in gets no file.
 */
export function defineVerificationRecordTest(folder: SampleFolder, recordFile: VerificationRecordFile = VERIFICATION_RECORD_FILE): void {
  const recordPath = path.join(folder.path, recordFile);
  const partial = recordFile !== VERIFICATION_RECORD_FILE;
  // Sequential even inside a concurrent describe: it reads the results of the checks before it.
  it(`has an up-to-date CI verification record (${recordFile})`, { ...NOT_A_CHECK, concurrent: false }, async (context) => {
    const { expect } = context;
    const record = recordOf(folder, context.task.file, partial);
    if (partial && Object.keys(record).length === 0) {
      expect(existsSync(recordPath), `nothing in ${folder.name} was checked here: delete ${recordPath}`).toBe(false);
      return;
    }
    const skipped = Object.entries(record).flatMap(([file, checks]) =>
      Object.entries(checks)
        .filter(([, status]) => status === 'skipped')
        .map(([check]) => `${file} ${check}`),
    );
    if (skipped.length > 0 && existsSync(recordPath) && process.env.CI !== 'true') {
      context.skip(`skipped: ${skipped.join(', ')} did not run here; the committed record keeps the last full run`);
    }
    await expect(formatVerificationRecord(record)).toMatchFileSnapshot(recordPath);
  });
}

/** For a test file whose checks are not grouped by folder: one record test per folder, in a describe of their own. */
export function defineVerificationRecordTests(folders: readonly SampleFolder[], recordFile: VerificationRecordFile): void {
  describe(`verification records (${recordFile})`, () => {
    for (const folder of folders) {
      describe(folder.name, () => defineVerificationRecordTest(folder, recordFile));
    }
  });
}
