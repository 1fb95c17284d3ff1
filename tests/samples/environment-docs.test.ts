// What a reader needs besides the excerpt. What to export: every environment variable any sample reads,
// in any language, is named in the README and the Set up page (the starters' .env.example reads the same
// list). Where `client` comes from: said right above every excerpt that uses it, and only there.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegion, sampleLanguage } from '../../src/sample-files/index.ts';
import { environmentVariablesOf } from '../../src/sample-files/starter.ts';
import { discoverSamples, REPO_ROOT } from './lib/discover.ts';

const DOCUMENTS = ['README.md', 'docs/set-up-your-environment.mdx'];

const readBy = new Map<string, string[]>();
for (const folder of discoverSamples()) {
  for (const file of folder.files) {
    for (const name of environmentVariablesOf(file.language, readFileSync(file.path, 'utf8'))) {
      readBy.set(name, [...(readBy.get(name) ?? []), file.relativePath]);
    }
  }
}

describe.each(DOCUMENTS)('%s', (document) => {
  const text = readFileSync(path.join(REPO_ROOT, document), 'utf8');

  it('names every environment variable a sample reads', () => {
    expect(readBy.size).toBeGreaterThan(0);
    const missing = [...readBy]
      .filter(([name]) => !text.includes(`\`${name}\``))
      .map(([name, files]) => `${name} (read by ${files.join(', ')})`);
    expect(missing).toEqual([]);
  });
});

/** The samples whose excerpt, in some language, uses a `client` it does not build itself. */
const CLIENT_BUILDER = 'set-up-client';
/** `const client = …`, `client = …`, `client := …`, `$client = …`: the excerpt makes its own (e.g. ProcessOut.js's). */
const BUILDS_CLIENT = /(?:\b(?:const|let|var)\s+client\b|(?:^|\s|\$)client\s*:?=[^=])/m;
const usesClient = new Set(
  discoverSamples()
    .filter((folder) => folder.name !== CLIENT_BUILDER)
    .filter((folder) =>
      folder.files.some((file) => {
        const { code } = readRegion(readFileSync(file.path, 'utf8'), sampleLanguage(file.language));
        return /\bclient\b/.test(code) && !BUILDS_CLIENT.test(code);
      }),
    )
    .map((folder) => folder.name),
);
const CLIENT_ORIGIN = 'set-up-your-environment.mdx#create-the-client';
const pages = (readdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true }) as string[]).filter((name) => name.endsWith('.mdx'));

describe.each(pages)('docs/%s', (page) => {
  it('says where `client` comes from right above each excerpt that uses it, and nowhere else', () => {
    const lines = readFileSync(path.join(REPO_ROOT, 'docs', page), 'utf8').split('\n');
    const wrong: string[] = [];
    lines.forEach((line, index) => {
      const name = /^<Sample name="([^"]+)"/.exec(line)?.[1];
      if (!name) return;
      const above =
        lines
          .slice(0, index)
          .reverse()
          .find((candidate) => candidate.trim() !== '') ?? '';
      if (above.includes(CLIENT_ORIGIN) !== usesClient.has(name)) wrong.push(`line ${index + 1}: ${name}`);
    });
    expect(usesClient.size).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
