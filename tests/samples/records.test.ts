// The machinery behind the committed records of the samples suite: the verification records built from
// test results, and the normalisation that makes a sample's printed response the same on every run, and
// which response each tab shows.
import { readdirSync } from 'node:fs';
import { describe, expect, it, type RunnerTestFile } from 'vitest';
import { isRecordedOutputLanguage, RESPONSE_FILE_NAME, responseFileOf, tabResponseSource } from '../../src/sample-files/response.ts';
import { discoverSamples } from './lib/discover.ts';
import type { SampleFolder } from '../../src/sample-files/index.ts';
import { DOCUMENTED_SANDBOX_URL, NORMALISED_TIME, normaliseResponse } from './lib/responses.ts';
import { recordOf } from './lib/verification.ts';

describe('normaliseResponse', () => {
  const sandboxUrl = 'http://127.0.0.1:41234';

  it('masks random IDs and tokens keeping their length, fixes timestamps, and names the documented sandbox', () => {
    const printed = {
      id: 'iv_pzYbobfZ0xqFjYKNHp9Vcr8yCt3fR6vB',
      transaction: { id: 'tr_uywOrksh0bszpBpxi5gbixJY6nM0g1EL', operations: [{ id: 'tr_op_abcdefgh12345678' }] },
      gateway_configuration_id: 'gway_conf_BoumE3iwaYhXkY2X6JLGpTvkwXxRkFLt.test-alternative-payment',
      token: 'gway_req_eyJnYXRld2F5+/=',
      redirect_url: 'https://shop.example/return?token=gway_req_eyJn%2BYQ%3D%3D',
      url: `${sandboxUrl}/checkout/test-proj_apmDocsLocalSandboxDemoProject01/iv_pzYbobfZ0xqFjYKNHp9Vcr8yCt3fR6vB`,
      created_at: '2026-11-25T14:57:25.559Z',
      amount: '9.99',
      count: 3,
      nothing: null,
    };
    expect(normaliseResponse(printed, sandboxUrl)).toEqual({
      id: 'iv_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      transaction: { id: 'tr_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', operations: [{ id: 'tr_op_XXXXXXXXXXXXXXXX' }] },
      gateway_configuration_id: 'gway_conf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.test-alternative-payment',
      token: 'gway_req_XXXXXXXXXXXXXXX',
      redirect_url: 'https://shop.example/return?token=gway_req_XXXXXXXXXXXXXXX',
      url: `${DOCUMENTED_SANDBOX_URL}/checkout/test-proj_apmDocsLocalSandboxDemoProject01/iv_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
      created_at: NORMALISED_TIME,
      amount: '9.99',
      count: 3,
      nothing: null,
    });
  });

  it('leaves the values a sample chose alone', () => {
    const fixed = {
      name: 'Amazing item',
      return_url: 'https://www.example.com/checkout/return',
      project_id: 'test-proj_apmDocsLocalSandboxDemoProject01',
    };
    expect(normaliseResponse(fixed, sandboxUrl)).toEqual(fixed);
  });
});

describe('recordOf', () => {
  const folder: SampleFolder = {
    name: 'greet',
    path: '/repo/samples/greet',
    problems: [],
    files: [
      { path: '/repo/samples/greet/greet.ts', relativePath: 'samples/greet/greet.ts', language: 'typescript' },
      { path: '/repo/samples/greet/greet.php', relativePath: 'samples/greet/greet.php', language: 'php' },
    ],
  };
  type FakeTask = { type: 'test' | 'suite'; meta: Record<string, unknown>; result?: { state: string }; tasks?: FakeTask[] };
  const test = (state: string | undefined, verifies: unknown): FakeTask => ({
    type: 'test',
    meta: { verifies },
    ...(state === undefined ? {} : { result: { state } }),
  });
  const file = (tasks: FakeTask[]) => ({ type: 'suite', meta: {}, tasks }) as unknown as RunnerTestFile;

  it('gives each file of the folder the worst result of each of its checks, and ignores other folders and opted-out tests', () => {
    const record = recordOf(
      folder,
      file([
        test('pass', { check: 'typecheck', files: ['samples/greet/greet.ts', 'samples/other/other.ts'] }),
        {
          type: 'suite',
          meta: {},
          tasks: [
            test('pass', { check: 'run', files: ['samples/greet/greet.ts'] }),
            test('fail', { check: 'run', files: ['samples/greet/greet.ts'] }),
            test('pass', null),
          ],
        },
        test('skip', { check: 'php-syntax', files: ['samples/greet/greet.php'] }),
        test('pass', { check: 'duplicate-keys', files: ['samples/greet/greet.php'] }),
        test(undefined, { check: 'gofmt', files: ['samples/other/other.go'] }),
      ]),
    );
    expect(record).toEqual({
      'greet.ts': { typecheck: 'passed', run: 'failed' },
      'greet.php': { 'php-syntax': 'skipped', 'duplicate-keys': 'passed' },
    });
  });

  it('counts a check that did not run in this run (filtered out) as skipped', () => {
    const record = recordOf(folder, file([test(undefined, { check: 'typecheck', files: ['samples/greet/greet.ts'] })]));
    expect(record['greet.ts']).toEqual({ typecheck: 'skipped' });
    expect(record['greet.php']).toEqual({});
  });

  it("records, for another suite's record file, only the files that suite checked", () => {
    const checks = file([test('pass', { check: 'mypy', files: ['samples/greet/greet.ts'] })]);
    expect(recordOf(folder, checks, true)).toEqual({ 'greet.ts': { mypy: 'passed' } });
    expect(recordOf(folder, file([]), true)).toEqual({});
  });
});

describe('response goldens', () => {
  it("exist only as .response.<language>.json of a language CI runs, next to that language's file", () => {
    const stray = discoverSamples().flatMap((folder) =>
      readdirSync(folder.path)
        .filter((entry) => RESPONSE_FILE_NAME.test(entry))
        .filter((entry) => !folder.files.some((file) => isRecordedOutputLanguage(file.language) && entry === responseFileOf(file.language)))
        .map((entry) => `${folder.name}/${entry}`),
    );
    expect(stray).toEqual([]);
  });

  it("shows each tab its own output, and the API's answer, labelled, under a tab CI does not run", () => {
    const both = new Set(['curl', 'typescript'] as const);
    expect(tabResponseSource('curl', both)).toEqual({ kind: 'printed', language: 'curl' });
    expect(tabResponseSource('typescript', both)).toEqual({ kind: 'printed', language: 'typescript' });
    for (const language of ['python', 'ruby', 'php', 'go'] as const)
      expect(tabResponseSource(language, both)).toEqual({ kind: 'api-answer', language: 'curl' });
    // No curl output: nothing is the API's answer, and no tab borrows the TypeScript file's output.
    const typeScriptOnly = new Set(['typescript'] as const);
    expect(tabResponseSource('python', typeScriptOnly)).toBeNull();
    expect(tabResponseSource('curl', typeScriptOnly)).toBeNull();
  });
});
