/**
 * What CI did with each sample file, as the test suites record it in `samples/<name>/.verified*.json`
 * (see tests/samples/lib/verification.ts), and the badge a tab shows for it: the highest tier of checks
 * the file passed, in words that say what was done. The records are vitest file snapshots, so CI fails
 * when one is out of date.
 */
import type { SampleLanguageValue } from './languages';
import { SDK_VERSIONS } from './sdkVersions';

/**
 * A folder's records, one per test file that checks samples (each writes its own, so that parallel test
 * files never write one file): the samples suite's, and the SDK-surface suite's (mypy, go build against
 * stubs, PHP/Ruby SDK calls). The site merges them; a check may appear in only one of them.
 */
export const VERIFICATION_RECORD_FILE = '.verified.json';
export const SDK_SURFACE_RECORD_FILE = '.verified.sdk.json';
export const VERIFICATION_RECORD_FILES = [VERIFICATION_RECORD_FILE, SDK_SURFACE_RECORD_FILE] as const;

export type CheckStatus = 'passed' | 'failed' | 'skipped';
const CHECK_STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'skipped'];

/**
 * How far CI went with a file, from most to least: the badge shows the highest tier whose checks all
 * passed, each tier with its own icon and colour (src/components/Sample/VerifiedBadge.tsx).
 */
export const VERIFICATION_TIERS = ['ran', 'typechecked', 'sdk-checked', 'syntax-checked'] as const;
export type VerificationTier = (typeof VERIFICATION_TIERS)[number];

interface CheckDescription {
  /** What CI did, as the badge's tooltip says it: "syntax-checked with php -l". */
  readonly phrase: string;
  /** Short name for a check that did not pass: "php -l". */
  readonly name: string;
  readonly tier: VerificationTier;
}

/** Every check a suite can record, in the order a badge's tooltip lists them. */
export const CHECKS = {
  typecheck: { phrase: 'typechecked with tsc (strict)', name: 'tsc', tier: 'typechecked' },
  run: { phrase: 'ran against the sandbox', name: 'the sandbox run', tier: 'ran' },
  mypy: {
    phrase: `typechecked with mypy --strict against stubs of ${SDK_VERSIONS.python.sdk} ${SDK_VERSIONS.python.version}`,
    name: 'mypy',
    tier: 'typechecked',
  },
  'go-build': {
    phrase: `compiled (go vet, go build) against stubs of ${SDK_VERSIONS.go.package} ${SDK_VERSIONS.go.version}`,
    name: 'go build',
    tier: 'typechecked',
  },
  'sdk-surface': {
    phrase: 'SDK classes, methods and arities checked against the SDK surface',
    name: 'the SDK surface check',
    tier: 'sdk-checked',
  },
  'bash-syntax': { phrase: 'syntax-checked with bash -n', name: 'bash -n', tier: 'syntax-checked' },
  'python-compile': { phrase: 'compiled with py_compile', name: 'py_compile', tier: 'syntax-checked' },
  pep8: { phrase: 'PEP 8-checked with pycodestyle', name: 'pycodestyle', tier: 'syntax-checked' },
  'ruby-syntax': { phrase: 'syntax-checked with ruby -wc', name: 'ruby -wc', tier: 'syntax-checked' },
  'php-syntax': { phrase: 'syntax-checked with php -l', name: 'php -l', tier: 'syntax-checked' },
  gofmt: { phrase: 'syntax-checked with gofmt', name: 'gofmt', tier: 'syntax-checked' },
  'duplicate-keys': { phrase: 'checked for repeated keys', name: 'the repeated-key check', tier: 'syntax-checked' },
  'curl-continuations': { phrase: 'line continuations checked', name: 'the continuation check', tier: 'syntax-checked' },
} as const satisfies Record<string, CheckDescription>;

export type CheckId = keyof typeof CHECKS;
const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

export function isCheckId(value: string): value is CheckId {
  return Object.hasOwn(CHECKS, value);
}

/** The checks of one file: each check kind that ran on it, with how it ended. */
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
        throw new VerificationRecordError(
          `${file}: check "${check}" has status ${JSON.stringify(status)}, expected passed, failed or skipped`,
        );
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

/** Merges a folder's records (one per suite); a file's check recorded by two suites is an error. */
export function mergeVerificationRecords(records: readonly VerificationRecord[]): VerificationRecord {
  const merged: VerificationRecord = {};
  for (const record of records) {
    for (const [file, checks] of Object.entries(record)) {
      const into = (merged[file] ??= {});
      for (const [check, status] of Object.entries(checks) as [CheckId, CheckStatus][]) {
        if (into[check] !== undefined) throw new VerificationRecordError(`${file}: check "${check}" is recorded twice`);
        into[check] = status;
      }
    }
  }
  return merged;
}

/** What a tab's badge shows. */
export interface VerificationBadge {
  /** `skipped` also covers a file CI has no record of: both are marked as not verified. */
  readonly status: CheckStatus;
  /** For a passed file, the highest tier CI reached; null otherwise. */
  readonly tier: VerificationTier | null;
  readonly text: string;
  /** Every check with its status, for the badge's tooltip. */
  readonly details: string;
}

const SDK_LABELS = { php: 'PHP', ruby: 'Ruby' } as const;

/** The badge text of a passed file: what its highest tier means in its language. */
function tierText(tier: VerificationTier, language: SampleLanguageValue): string {
  switch (tier) {
    case 'ran':
      return 'Ran against the sandbox';
    case 'typechecked':
      if (language === 'python') return `Typechecked against ${SDK_VERSIONS.python.sdk} ${SDK_VERSIONS.python.version} (stubs) + syntax`;
      if (language === 'go') return `Compiled against ${SDK_VERSIONS.go.package} ${SDK_VERSIONS.go.version} stubs`;
      return 'Typechecked with tsc (strict)';
    case 'sdk-checked': {
      const sdk =
        language === 'php' || language === 'ruby' ? `the ${SDK_LABELS[language]} SDK ${SDK_VERSIONS[language].version}` : 'the SDK';
      return `SDK calls checked against ${sdk} surface + syntax`;
    }
    case 'syntax-checked':
      return 'Syntax-checked';
  }
}

/** Turns a file's recorded checks (undefined: no record) into its badge. */
export function describeVerification(language: SampleLanguageValue, checks: FileChecks | undefined): VerificationBadge {
  const recorded = CHECK_IDS.filter((check) => checks?.[check] !== undefined);
  if (!checks || recorded.length === 0) {
    return { status: 'skipped', tier: null, text: 'Not verified by CI', details: 'CI has no record of checking this file.' };
  }
  const withStatus = (status: CheckStatus) => recorded.filter((check) => checks[check] === status);
  const details = recorded.map((check) => `${CHECKS[check].phrase}: ${checks[check]}`).join('\n');
  const names = (list: readonly CheckId[]) => list.map((check) => CHECKS[check].name).join(', ');

  const failed = withStatus('failed');
  if (failed.length > 0) return { status: 'failed', tier: null, text: `Failed in CI: ${names(failed)}`, details };
  const skipped = withStatus('skipped');
  if (skipped.length > 0) return { status: 'skipped', tier: null, text: `Not verified: ${names(skipped)} skipped`, details };

  const tier = VERIFICATION_TIERS.find((candidate) => recorded.some((check) => CHECKS[check].tier === candidate))!;
  return { status: 'passed', tier, text: tierText(tier, language), details };
}
