/**
 * What CI did with each sample file, as the samples test suite records it in
 * `samples/<name>/.verified.json` (see tests/samples/lib/verification.ts), and the badge text a tab
 * shows for it. The record is written by vitest's file snapshot, so CI fails when it is out of date.
 */
import type { SampleLanguageValue } from './languages';

/** The record of one folder: for each file name, the status of each check CI ran on it. */
export const VERIFICATION_RECORD_FILE = '.verified.json';

export type CheckStatus = 'passed' | 'failed' | 'skipped';
const CHECK_STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'skipped'];

interface CheckDescription {
  /** What CI did, as the badge says it: "syntax-checked with php -l". */
  readonly phrase: string;
  /** Short name for a check that did not pass: "php -l". */
  readonly name: string;
  /** Shown in the badge text; the others (implied by a headline check) only in its tooltip. */
  readonly headline: boolean;
}

/** Every check the suite can record, in the order a badge lists them. */
export const CHECKS = {
  typecheck: { phrase: 'typechecked', name: 'tsc', headline: true },
  run: { phrase: 'ran against the sandbox', name: 'the sandbox run', headline: true },
  'bash-syntax': { phrase: 'syntax-checked with bash -n', name: 'bash -n', headline: false },
  'python-compile': { phrase: 'compiled with py_compile', name: 'py_compile', headline: true },
  pep8: { phrase: 'PEP 8-checked with pycodestyle', name: 'pycodestyle', headline: true },
  'ruby-syntax': { phrase: 'syntax-checked with ruby -wc', name: 'ruby -wc', headline: true },
  'php-syntax': { phrase: 'syntax-checked with php -l', name: 'php -l', headline: true },
  gofmt: { phrase: 'syntax-checked with gofmt', name: 'gofmt', headline: true },
  'duplicate-keys': { phrase: 'checked for repeated keys', name: 'the repeated-key check', headline: false },
  'curl-continuations': { phrase: 'line continuations checked', name: 'the continuation check', headline: false },
} as const satisfies Record<string, CheckDescription>;

export type CheckId = keyof typeof CHECKS;
const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

export function isCheckId(value: string): value is CheckId {
  return Object.hasOwn(CHECKS, value);
}

/** The checks of one file. */
export type FileChecks = Partial<Record<CheckId, CheckStatus>>;
/** A folder's record: file name (e.g. `create-invoice.ts`) → its checks. */
export type VerificationRecord = Record<string, FileChecks>;

export class VerificationRecordError extends Error {
  override name = 'VerificationRecordError';
}

/** Validates the parsed content of a `.verified.json`; throws on anything the site cannot show. */
export function parseVerificationRecord(value: unknown): VerificationRecord {
  const isObject = (candidate: unknown): candidate is Record<string, unknown> =>
    typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);
  if (!isObject(value)) throw new VerificationRecordError('expected an object of file names');
  const record: VerificationRecord = {};
  for (const [file, checks] of Object.entries(value)) {
    if (!isObject(checks)) throw new VerificationRecordError(`${file}: expected an object of checks`);
    const fileChecks: FileChecks = {};
    for (const [check, status] of Object.entries(checks)) {
      if (!isCheckId(check)) throw new VerificationRecordError(`${file}: unknown check "${check}" (known: ${CHECK_IDS.join(', ')})`);
      if (!CHECK_STATUSES.includes(status as CheckStatus)) {
        throw new VerificationRecordError(`${file}: check "${check}" has status ${JSON.stringify(status)}, expected passed, failed or skipped`);
      }
      fileChecks[check] = status as CheckStatus;
    }
    record[file] = fileChecks;
  }
  return record;
}

/** Serialises a record the same way on every machine: files and checks in a fixed order. */
export function formatVerificationRecord(record: VerificationRecord): string {
  const ordered: VerificationRecord = {};
  for (const file of Object.keys(record).sort()) {
    const checks = record[file] ?? {};
    ordered[file] = Object.fromEntries(CHECK_IDS.filter((check) => checks[check] !== undefined).map((check) => [check, checks[check]]));
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** What a tab's badge shows. */
export interface VerificationBadge {
  /** `skipped` also covers a file CI has no record of: both are marked as not verified. */
  readonly status: CheckStatus;
  readonly text: string;
  /** Every check with its status, for the badge's tooltip. */
  readonly details: string;
}

function phraseOf(check: CheckId, language: SampleLanguageValue): string {
  // The curl samples are shell scripts: say what ran them.
  if (check === 'run' && language === 'curl') return 'ran with bash against the sandbox';
  return CHECKS[check].phrase;
}

/** Turns a file's recorded checks (undefined: no record) into its badge. */
export function describeVerification(language: SampleLanguageValue, checks: FileChecks | undefined): VerificationBadge {
  const recorded = CHECK_IDS.filter((check) => checks?.[check] !== undefined);
  if (!checks || recorded.length === 0) {
    return { status: 'skipped', text: 'not verified by CI', details: 'CI has no record of checking this file.' };
  }
  const withStatus = (status: CheckStatus) => recorded.filter((check) => checks[check] === status);
  const details = recorded.map((check) => `${phraseOf(check, language)}: ${checks[check]}`).join('\n');
  const names = (list: readonly CheckId[]) => list.map((check) => CHECKS[check].name).join(', ');

  const failed = withStatus('failed');
  if (failed.length > 0) return { status: 'failed', text: `failed in CI: ${names(failed)}`, details };
  const skipped = withStatus('skipped');
  if (skipped.length > 0) return { status: 'skipped', text: `not verified: ${names(skipped)} skipped`, details };

  const passed = withStatus('passed');
  const headline = passed.filter((check) => CHECKS[check].headline);
  return { status: 'passed', text: (headline.length > 0 ? headline : passed).map((check) => phraseOf(check, language)).join(' · '), details };
}
