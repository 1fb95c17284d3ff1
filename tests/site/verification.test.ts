import { describe, expect, it } from 'vitest';
import {
  describeVerification,
  formatVerificationRecord,
  mergeVerificationRecords,
  parseVerificationRecord,
  VerificationRecordError,
} from '../../src/sample-files/verification';

describe('parseVerificationRecord', () => {
  it('reads file names, checks and statuses', () => {
    expect(parseVerificationRecord({ 'a.ts': { typecheck: 'passed', run: 'failed' }, 'a.php': { 'php-syntax': 'skipped' } })).toEqual({
      'a.ts': { typecheck: 'passed', run: 'failed' },
      'a.php': { 'php-syntax': 'skipped' },
    });
  });

  it.each([
    ['an array', [], /expected an object of file names/],
    ['a file without an object of checks', { 'a.ts': 'passed' }, /a\.ts: expected an object of checks/],
    ['an unknown check', { 'a.ts': { lint: 'passed' } }, /a\.ts: unknown check "lint"/],
    ['an unknown status', { 'a.ts': { typecheck: 'ok' } }, /check "typecheck" has status "ok"/],
  ])('rejects %s', (_case, value, message) => {
    expect(() => parseVerificationRecord(value)).toThrow(VerificationRecordError);
    expect(() => parseVerificationRecord(value)).toThrow(message);
  });
});

describe('formatVerificationRecord', () => {
  it('writes files in name order and checks in badge order, whatever order they were found in', () => {
    const text = formatVerificationRecord({
      'b.sh': { 'duplicate-keys': 'passed', run: 'passed', 'bash-syntax': 'passed' },
      'a.ts': { run: 'passed', typecheck: 'passed' },
    });
    expect(text).toBe(
      [
        '{',
        '  "a.ts": {',
        '    "typecheck": "passed",',
        '    "run": "passed"',
        '  },',
        '  "b.sh": {',
        '    "run": "passed",',
        '    "bash-syntax": "passed",',
        '    "duplicate-keys": "passed"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(parseVerificationRecord(JSON.parse(text))).toEqual({
      'a.ts': { typecheck: 'passed', run: 'passed' },
      'b.sh': { run: 'passed', 'bash-syntax': 'passed', 'duplicate-keys': 'passed' },
    });
  });
});

describe('mergeVerificationRecords', () => {
  it("joins each suite's checks of a file, and refuses a check two suites recorded", () => {
    expect(
      mergeVerificationRecords([{ 'a.py': { 'python-compile': 'passed' }, 'a.ts': { run: 'passed' } }, { 'a.py': { mypy: 'failed' } }]),
    ).toEqual({
      'a.py': { 'python-compile': 'passed', mypy: 'failed' },
      'a.ts': { run: 'passed' },
    });
    expect(() => mergeVerificationRecords([{ 'a.py': { mypy: 'passed' } }, { 'a.py': { mypy: 'passed' } }])).toThrow(
      /a\.py: check "mypy" is recorded twice/,
    );
  });
});

describe('describeVerification', () => {
  it.each([
    ['typescript', { typecheck: 'passed', run: 'passed', 'duplicate-keys': 'passed' }, 'ran', 'Ran against the sandbox'],
    ['curl', { run: 'passed', 'bash-syntax': 'passed', 'curl-continuations': 'passed' }, 'ran', 'Ran against the sandbox'],
    ['typescript', { typecheck: 'passed', 'duplicate-keys': 'passed' }, 'typechecked', 'Typechecked with tsc (strict)'],
    [
      'python',
      { 'python-compile': 'passed', pep8: 'passed', mypy: 'passed' },
      'typechecked',
      'Typechecked against processout-python 7.3.0 (stubs) + syntax',
    ],
    ['go', { gofmt: 'passed', 'go-build': 'passed' }, 'typechecked', 'Compiled against gopkg.in/processout.v5 v5.6.1 stubs'],
    [
      'php',
      { 'php-syntax': 'passed', 'sdk-surface': 'passed' },
      'sdk-checked',
      'SDK calls checked against the PHP SDK 7.4.1 surface + syntax',
    ],
    [
      'ruby',
      { 'ruby-syntax': 'passed', 'sdk-surface': 'passed' },
      'sdk-checked',
      'SDK calls checked against the Ruby SDK 6.0.0 surface + syntax',
    ],
    // Without the SDK checks, only the syntax was checked, and the badge says no more.
    ['php', { 'php-syntax': 'passed', 'duplicate-keys': 'passed' }, 'syntax-checked', 'Syntax-checked'],
    ['python', { 'python-compile': 'passed', pep8: 'passed' }, 'syntax-checked', 'Syntax-checked'],
    ['go', { gofmt: 'passed', 'duplicate-keys': 'passed' }, 'syntax-checked', 'Syntax-checked'],
    ['curl', { 'bash-syntax': 'passed' }, 'syntax-checked', 'Syntax-checked'],
  ] as const)('says what CI did with a %s file that passed %j', (language, checks, tier, text) => {
    expect(describeVerification(language, checks)).toMatchObject({ status: 'passed', tier, text });
  });

  it('marks a file with a failed check as failed, naming the check, whatever else passed', () => {
    expect(describeVerification('php', { 'php-syntax': 'failed', 'duplicate-keys': 'skipped' })).toMatchObject({
      status: 'failed',
      tier: null,
      text: 'Failed in CI: php -l',
    });
    expect(describeVerification('python', { 'python-compile': 'passed', mypy: 'failed' })).toMatchObject({
      status: 'failed',
      text: 'Failed in CI: mypy',
    });
  });

  it('marks a file with a skipped check as not verified, naming the check', () => {
    expect(describeVerification('typescript', { typecheck: 'passed', run: 'skipped' })).toMatchObject({
      status: 'skipped',
      tier: null,
      text: 'Not verified: the sandbox run skipped',
    });
  });

  it('marks a file CI has no record of as not verified', () => {
    expect(describeVerification('go', undefined)).toEqual({
      status: 'skipped',
      tier: null,
      text: 'Not verified by CI',
      details: 'CI has no record of checking this file.',
    });
    expect(describeVerification('go', {})).toMatchObject({ status: 'skipped', text: 'Not verified by CI' });
  });

  it('lists every check and its status in the details', () => {
    expect(describeVerification('curl', { run: 'passed', 'bash-syntax': 'passed' }).details).toBe(
      'ran against the sandbox: passed\nsyntax-checked with bash -n: passed',
    );
  });
});
