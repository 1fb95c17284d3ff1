import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const docusaurus = path.join(siteDir, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
const LANGUAGE_ORDER = ['cURL', 'TypeScript', 'Python', 'Ruby', 'PHP', 'Go'];

let outDir: string;
const page = (name: string) => readFile(path.join(outDir, `${name}.html`), 'utf8');

/** The tab labels of each tab list on a page, in order. */
function tabLists(html: string): string[][] {
  return [...html.matchAll(/<ul role=tablist[^>]*>(.*?)<\/ul>/g)].map(([, list = '']) =>
    [...list.matchAll(/<li role=tab[^>]*>([^<]*)/g)].map(([, label = '']) => label),
  );
}

// A real production build, checked for what `docusaurus build` itself lets through: pages whose server
// rendering failed still "build" (with an error banner instead of the content).
describe('the production build', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'apm-docs-build-'));
    await promisify(execFile)(process.execPath, [docusaurus, 'build', '--out-dir', outDir], {
      cwd: siteDir,
      // A cold build, like CI's, that leaves the developer's bundler cache alone.
      env: { ...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    });
  }, 300_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each([
    ['index', 'Accept alternative payment methods with ProcessOut'],
    ['set-up-your-environment', 'Set up your environment'],
    ['apm-prerequisites', 'APM prerequisites'],
  ])('renders %s.html on the server with its content', async (name, title) => {
    const html = await page(name);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toMatch(/<div class="theme-doc-markdown markdown">/);
  });

  it('renders both invoice samples on the APM prerequisites page, highlighted, tabs in the fixed order', async () => {
    const html = await page('apm-prerequisites');
    for (const folder of ['create-invoice', 'create-invoice-deep-link']) {
      for (const extension of ['sh', 'ts', 'py', 'rb', 'php', 'go']) {
        expect(html).toContain(`samples/${folder}/${folder}.${extension}</span>`);
      }
    }
    expect(html.match(/<pre class="shiki /g)).toHaveLength(12);
    expect(html).not.toMatch(/#(end)?region/);
    expect(tabLists(html)).toEqual([LANGUAGE_ORDER, LANGUAGE_ORDER]);
  });

  it('renders the client samples and the SDK install tabs on the set-up page', async () => {
    const html = await page('set-up-your-environment');
    expect(html).toContain('samples/set-up-client/set-up-client.rb</span>');
    expect(tabLists(html)).toEqual([LANGUAGE_ORDER, LANGUAGE_ORDER]);
  });

  it('ships no highlighter to the browser, and keeps mermaid out of the chunk every page loads', async () => {
    const jsDir = path.join(outDir, 'assets', 'js');
    const files = await readdir(jsDir);
    const sources = await Promise.all(files.map(async (file) => [file, await readFile(path.join(jsDir, file), 'utf8')]));
    for (const [file, source = ''] of sources) {
      expect(source, file).not.toMatch(/createHighlighter|createOnigurumaEngine|onig\.wasm|bundledLanguages/);
    }
    const diagramChunks = sources.filter(([, source = '']) => source.includes('sequenceDiagram'));
    expect(diagramChunks.length).toBeGreaterThan(0);
    for (const [file, source = ''] of sources.filter(([file = '']) => /^(main|common)\./.test(file))) {
      expect(source, file).not.toMatch(/mermaid-js|langium/);
    }
  });

  it('lists every page in the sitemap', async () => {
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    const routes = [...sitemap.matchAll(/<loc>[^<]*?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map(([, route]) => route).sort();
    expect(routes).toEqual(['/', '/apm-prerequisites', '/set-up-your-environment']);
  });
});
