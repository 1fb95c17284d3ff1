import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const docsDir = fileURLToPath(new URL('../../docs', import.meta.url));
const pages = (await readdir(docsDir, { recursive: true })).filter((file) => file.endsWith('.mdx')).sort();

describe('docs pages', () => {
  it('exist', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  // Every page ends with the theme's "Next" card, which names the next page already.
  it.each(pages)('%s has no "Next" section repeating the next-page card', async (file) => {
    const source = await readFile(path.join(docsDir, file), 'utf8');
    expect(source).not.toMatch(/^#{2,6}\s+(?:Next|Next steps|What's next)\s*$/im);
  });
});
