// Where the SDK facts live (/work/shared/reference/sdk, read-only) and the sample files checked
// against them. Everything in this folder reads the facts from there at test time, never a copy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverSamples } from '../discover.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The SDK reference: ../shared/reference/sdk from the working tree (SDK_REFERENCE_DIR overrides). */
export const SDK_REFERENCE_DIR = process.env.SDK_REFERENCE_DIR ?? path.resolve(REPO_ROOT, '../shared/reference/sdk');

export function readReference(relativePath: string): string {
  const file = path.join(SDK_REFERENCE_DIR, relativePath);
  if (!existsSync(file)) throw new Error(`${file} is missing: the SDK facts (see issue 9) must be checked out next to the repository`);
  return readFileSync(file, 'utf8');
}

/** The text of one "## <Language> — …" section of surface.md, up to the next "## ". */
export function surfaceSection(language: 'Python' | 'Ruby' | 'PHP' | 'Go'): string {
  const surface = readReference('surface.md');
  const start = surface.search(new RegExp(`^## ${language} — `, 'm'));
  if (start < 0) throw new Error(`surface.md has no "## ${language} — " section`);
  const rest = surface.slice(start + 3);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

export interface SampleSource {
  /** Absolute path. */
  path: string;
  /** From the repository root, for test names. */
  relativePath: string;
}

/** Every samples/<name>/<name>.<extension>, by folder name. */
export function sampleFiles(extension: 'py' | 'rb' | 'php' | 'go'): SampleSource[] {
  return discoverSamples()
    .flatMap((folder) => folder.files)
    .filter((file) => file.path.endsWith(`.${extension}`))
    .map(({ path: file, relativePath }) => ({ path: file, relativePath }));
}
