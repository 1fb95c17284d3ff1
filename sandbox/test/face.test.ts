import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The sandbox is a package with one face (package.json `exports`): nothing outside sandbox/ may
// reach into its source tree, not even by naming a path in it (a comment naming a file there is the
// first step to importing it).
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIPPED = new Set(['node_modules', '.git', 'build', '.docusaurus', '.sandbox', 'test-results', 'coverage', 'sandbox']);
const INTERNAL_PATH = 'sandbox/' + 'src'; // split so this file is no exception to its own rule

function* repoFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) yield* repoFiles(join(dir, entry.name));
    } else if (entry.isFile()) {
      yield join(dir, entry.name);
    }
  }
}

/** `file:line` of every line outside sandbox/ that names a path inside sandbox's source tree. */
function reachesIntoSandbox(root: string): string[] {
  const hits: string[] = [];
  for (const file of repoFiles(root)) {
    if (statSync(file).size > 2_000_000) continue;
    const text = readFileSync(file, 'utf8');
    if (!text.includes(INTERNAL_PATH)) continue;
    text.split('\n').forEach((line, index) => {
      if (line.includes(INTERNAL_PATH)) hits.push(`${relative(root, file)}:${index + 1}`);
    });
  }
  return hits;
}

describe('the sandbox package face', () => {
  it('is the only way in: no file outside sandbox/ names a path inside its source tree', () => {
    expect(reachesIntoSandbox(REPO_ROOT)).toEqual([]);
  });

  it('resolves by package name to the entry points package.json exports', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'sandbox/package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, string>;
    };
    expect(manifest.name).toBe('@apm-docs/sandbox');
    for (const [entry, target] of Object.entries(manifest.exports)) {
      const specifier = entry === '.' ? manifest.name : `${manifest.name}/${entry.slice(2)}`;
      expect(fileURLToPath(import.meta.resolve(specifier))).toBe(join(REPO_ROOT, 'sandbox', target));
    }
  });
});
