// The responses each page shows under a sample's tabs: what each curl and TypeScript file printed on its
// first successful run in this suite, normalised so that it is the same on every run, and kept in
// samples/<name>/.response.<language>.json as a vitest file snapshot (the other tabs show the curl
// file's, labelled as the API's answer: src/sample-files/response.ts). A change in what a sample prints
// fails the suite (and CI) until the snapshot is updated with `npx vitest run tests/samples -u`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { isRecordedOutputLanguage, responseFileOf } from '../../../src/sample-files/response.ts';
import type { SampleFile } from '../../../src/sample-files/index.ts';
import { NOT_A_CHECK } from './verification.ts';

/** The address `npm run sandbox` listens on: what a reader who runs the sample locally sees. */
export const DOCUMENTED_SANDBOX_URL = 'http://127.0.0.1:4010';
export const NORMALISED_TIME = '2025-01-01T00:00:00.000Z';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Random IDs the sandbox mints (`iv_` + 32 alphanumerics…), and gateway configuration IDs. */
const IDS = /\b(iv|tr_op|tr|ev|wh|refd|gway_conf)_([A-Za-z0-9]{8,})/g;
/** Checkout tokens: base64, possibly URL-encoded in a return URL. */
const TOKENS = /\b(gway_req)_([A-Za-z0-9+/=%]+)/g;

const maskKeepingLength = (_match: string, prefix: string, random: string) => `${prefix}_${'X'.repeat(random.length)}`;

function normaliseString(value: string, sandboxUrl: string): string {
  if (ISO_TIME.test(value)) return NORMALISED_TIME;
  return value.split(sandboxUrl).join(DOCUMENTED_SANDBOX_URL).replace(IDS, maskKeepingLength).replace(TOKENS, maskKeepingLength);
}

/** Replaces what differs between runs (IDs, tokens, timestamps, the sandbox's port) in every string value. */
export function normaliseResponse(value: unknown, sandboxUrl: string): unknown {
  if (typeof value === 'string') return normaliseString(value, sandboxUrl);
  if (Array.isArray(value)) return value.map((item) => normaliseResponse(item, sandboxUrl));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normaliseResponse(item, sandboxUrl)]));
  }
  return value;
}

/** First successful output of each curl and TypeScript sample in this run, normalised, by absolute path. */
const printed = new Map<string, unknown>();

/** Called with every successful run's JSON output; keeps the first one of each curl or TypeScript file. */
export function offerResponse(file: SampleFile, output: unknown, sandboxUrl: string): void {
  if (!isRecordedOutputLanguage(file.language) || printed.has(file.path)) return;
  printed.set(file.path, normaliseResponse(output, sandboxUrl));
}

/**
 * Registers, after a file's run tests, the test that compares its output with its golden file; nothing
 * for a language whose output is not recorded.
 */
export function defineResponseGoldenTest(file: SampleFile): void {
  if (!isRecordedOutputLanguage(file.language)) return;
  const goldenFile = responseFileOf(file.language);
  const goldenPath = path.join(path.dirname(file.path), goldenFile);
  it(`printed the response its tab shows (${goldenFile})`, NOT_A_CHECK, async ({ expect }) => {
    const output = printed.get(file.path);
    if (output === undefined) {
      const why = `no run of ${file.relativePath} succeeded with JSON output in this suite run, so there is no response to show`;
      expect(existsSync(goldenPath), `${why}: delete ${path.relative(process.cwd(), goldenPath)}`).toBe(false);
      return;
    }
    await expect(`${JSON.stringify(output, null, 2)}\n`).toMatchFileSnapshot(goldenPath);
  });
}
