// The verification record: for every sample file, which checks this suite ran on it and how they
// ended, kept in samples/<name>/.verified.json as a vitest file snapshot. The site shows it as a badge
// on each tab (src/sample-files/verification.ts), so it must say what CI did, on any machine:
// - check tests carry `meta.verifies` (see `verifies`); the record is built from their results;
// - CI (CI=true) never skips a check (a missing tool fails), so a committed record is a full run's;
// - locally, a check skipped for a missing tool does not overwrite an existing record: the record test
//   skips instead. A new folder's first record is written even then, marked "skipped", and CI rejects it
//   until it is regenerated with every tool installed (`npx vitest run tests/samples -u`).
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it, type RunnerTask, type RunnerTestFile } from "vitest";
import {
  formatVerificationRecord,
  VERIFICATION_RECORD_FILE,
  type CheckId,
  type CheckStatus,
  type VerificationRecord,
} from "../../../src/sample-files/verification.ts";
import type { SampleFolder } from "./discover.ts";

interface Verifies {
  check: CheckId;
  /** Paths from the repository root, as `SampleFile.relativePath`. */
  files: readonly string[];
}

declare module "vitest" {
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
    case "pass":
      return "passed";
    case "fail":
      return "failed";
    default:
      // Skipped for a missing tool, filtered out of this run, or not run yet.
      return "skipped";
  }
}

const SEVERITY: readonly CheckStatus[] = ["passed", "skipped", "failed"];
const worst = (a: CheckStatus | undefined, b: CheckStatus): CheckStatus =>
  a === undefined || SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;

function* testsOf(task: RunnerTask): Generator<RunnerTask> {
  if (task.type === "test") yield task;
  if ("tasks" in task) for (const child of task.tasks) yield* testsOf(child);
}

/** The record of one folder, from the results of every check test of its files in this test file. */
export function recordOf(folder: SampleFolder, testFile: RunnerTestFile): VerificationRecord {
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
  return record;
}

/** Registers, last in a folder's describe, the test that compares (or first writes) its record. */
export function defineVerificationRecordTest(folder: SampleFolder): void {
  const recordPath = path.join(folder.path, VERIFICATION_RECORD_FILE);
  it(`has an up-to-date CI verification record (${VERIFICATION_RECORD_FILE})`, NOT_A_CHECK, async (context) => {
    const record = recordOf(folder, context.task.file);
    const skipped = Object.entries(record).flatMap(([file, checks]) =>
      Object.entries(checks).filter(([, status]) => status === "skipped").map(([check]) => `${file} ${check}`),
    );
    if (skipped.length > 0 && existsSync(recordPath) && process.env.CI !== "true") {
      context.skip(`skipped: ${skipped.join(", ")} did not run here; the committed record keeps the last full run`);
    }
    await expect(formatVerificationRecord(record)).toMatchFileSnapshot(recordPath);
  });
}
