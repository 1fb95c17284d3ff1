import { describe, expect, it } from 'vitest';
import {
  describeVerification,
  formatVerificationRecord,
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

describe('describeVerification', () => {
  it.each([
    ['typescript', { typecheck: 'passed', run: 'passed', 'duplicate-keys': 'passed' }, 'typechecked · ran against the sandbox'],
    ['typescript', { typecheck: 'passed', 'duplicate-keys': 'passed' }, 'typechecked'],
    ['curl', { run: 'passed', 'bash-syntax': 'passed', 'curl-continuations': 'passed' }, 'ran with bash against the sandbox'],
    ['php', { 'php-syntax': 'passed', 'duplicate-keys': 'passed' }, 'syntax-checked with php -l'],
    ['python', { 'python-compile': 'passed', pep8: 'passed' }, 'compiled with py_compile · PEP 8-checked with pycodestyle'],
    ['ruby', { 'ruby-syntax': 'passed' }, 'syntax-checked with ruby -wc'],
    ['go', { gofmt: 'passed', 'duplicate-keys': 'passed' }, 'syntax-checked with gofmt'],
    // Only secondary checks: they are what CI did, so they are what the badge says.
    ['curl', { 'bash-syntax': 'passed' }, 'syntax-checked with bash -n'],
  ] as const)('says what CI did with a %s file that passed %j', (language, checks, text) => {
    expect(describeVerification(language, checks)).toMatchObject({ status: 'passed', text });
  });

  it('marks a file with a failed check as failed, naming the check, whatever else passed', () => {
    expect(describeVerification('php', { 'php-syntax': 'failed', 'duplicate-keys': 'skipped' })).toMatchObject({
      status: 'failed',
      text: 'failed in CI: php -l',
    });
  });

  it('marks a file with a skipped check as not verified, naming the check', () => {
    expect(describeVerification('typescript', { typecheck: 'passed', run: 'skipped' })).toMatchObject({
      status: 'skipped',
      text: 'not verified: the sandbox run skipped',
    });
  });

  it('marks a file CI has no record of as not verified', () => {
    expect(describeVerification('go', undefined)).toEqual({
      status: 'skipped',
      text: 'not verified by CI',
      details: 'CI has no record of checking this file.',
    });
    expect(describeVerification('go', {})).toMatchObject({ status: 'skipped', text: 'not verified by CI' });
  });

  it('lists every check and its status in the details', () => {
    expect(describeVerification('curl', { run: 'passed', 'bash-syntax': 'passed' }).details).toBe(
      'ran with bash against the sandbox: passed\nsyntax-checked with bash -n: passed',
    );
  });
});
