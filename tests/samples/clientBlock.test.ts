// The TypeScript samples have no SDK: each server sample carries the same client block, the one the
// Set up page shows. The canonical block is the region of samples/set-up-client/set-up-client.ts; a
// copy is the run of lines that starts with the block's first line and is as long as the block. Edit
// the block there, then paste it over every copy: this test names the copies that differ.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRegion, sampleLanguage, type SampleFile } from '../../src/sample-files/index.ts';
import { SAMPLE_EXPECTATIONS } from './expectations.ts';
import { discoverSamples } from './lib/discover.ts';

const CANONICAL_FOLDER = 'set-up-client';

/** The lines of the block's copy in `source`, one array per line that starts a copy. */
function clientBlockCopies(source: string, block: readonly string[]): string[][] {
  const lines = source.split(/\r?\n/);
  return lines.flatMap((line, index) => (line === block[0] ? [lines.slice(index, index + block.length)] : []));
}

const typeScript = sampleLanguage('typescript');
const folders = discoverSamples();
const typeScriptFile = (folderName: string): SampleFile | undefined =>
  folders.find((folder) => folder.name === folderName)?.files.find((file) => file.language === 'typescript');

const canonicalFile = typeScriptFile(CANONICAL_FOLDER);
if (!canonicalFile) throw new Error(`samples/${CANONICAL_FOLDER}/ has no TypeScript file`);
const block = readRegion(readFileSync(canonicalFile.path, 'utf8'), typeScript).code.split('\n');

/** Server samples that call the API with the secret key; browser modules and string builders have no client. */
const carriers = folders.flatMap((folder) => {
  const expectation = SAMPLE_EXPECTATIONS[folder.name];
  if (folder.name === CANONICAL_FOLDER || !expectation || expectation.kind === 'browser-module') return [];
  if (!expectation.env.includes('PROCESSOUT_PROJECT_SECRET')) return [];
  return folder.files.filter((file) => file.language === 'typescript');
});

describe(`the TypeScript client block (the region of samples/${CANONICAL_FOLDER})`, () => {
  it('is found in the server samples', () => {
    expect(block.length).toBeGreaterThan(10);
    expect(carriers.length).toBeGreaterThan(0);
  });

  it.each(carriers.map((file) => [file.relativePath, file] as const))('%s carries it once, byte for byte', (_relativePath, file) => {
    const copies = clientBlockCopies(readFileSync(file.path, 'utf8'), block);
    expect(copies, `one copy of the region of ${canonicalFile.relativePath}, starting with its first line`).toHaveLength(1);
    expect(copies[0]).toEqual(block);
  });
});
