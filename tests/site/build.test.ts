import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MERMAID_CODE } from '../browser/lib/jsFootprint';
import { SUITE_SITE_URL as SITE_URL, suiteBuild } from '../browser/lib/siteBuild';

const LANGUAGE_ORDER = ['cURL', 'TypeScript', 'Python', 'Ruby', 'PHP', 'Go'];

let outDir: string;
const page = (name: string) => readFile(path.join(outDir, `${name}.html`), 'utf8');

/** The routes the sitemap lists, e.g. `/` and `/apm-prerequisites`. */
async function sitemapRoutes(): Promise<string[]> {
  const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>[^<]*?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map(([, route = '']) => route).sort();
}

/** The HTML file and the Markdown twin of a route: `/` → index.html, index.md. */
const htmlFile = (route: string) => path.join(outDir, route === '/' ? 'index.html' : `${route}.html`);
const twinFile = (route: string) => path.join(outDir, route === '/' ? 'index.md' : `${route}.md`);
const twinUrl = (route: string) => (route === '/' ? '/index.md' : `${route}.md`);

/** The tab labels of each tab list on a page, in order. */
function tabLists(html: string): string[][] {
  return [...html.matchAll(/<ul role=tablist[^>]*>(.*?)<\/ul>/g)].map(([, list = '']) =>
    [...list.matchAll(/<li role=tab[^>]*>([^<]*)/g)].map(([, label = '']) => label),
  );
}

// A real production build, checked for what `docusaurus build` itself lets through: pages whose server
// rendering failed still "build" (with an error banner instead of the content).
describe('the production build', () => {
  // The run's one build, shared with the browser suite (made by whichever asks first).
  beforeAll(async () => {
    outDir = await suiteBuild();
  }, 300_000);

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
    // Six tabs per sample, each with the response under it.
    expect(html.match(/<pre class="shiki /g)).toHaveLength(24);
    expect(html).not.toMatch(/#(end)?region/);
    expect(tabLists(html)).toEqual([LANGUAGE_ORDER, LANGUAGE_ORDER]);
  });

  it('renders the client samples and the SDK install tabs on the set-up page', async () => {
    const html = await page('set-up-your-environment');
    expect(html).toContain('samples/set-up-client/set-up-client.rb</span>');
    expect(tabLists(html)).toEqual([LANGUAGE_ORDER, LANGUAGE_ORDER]);
  });

  it('ships no highlighter and no mermaid to the browser: the diagram is an SVG in the HTML', async () => {
    const jsDir = path.join(outDir, 'assets', 'js');
    const files = await readdir(jsDir);
    const sources = await Promise.all(files.map(async (file) => [file, await readFile(path.join(jsDir, file), 'utf8')]));
    for (const [file, source = ''] of sources) {
      expect(source, file).not.toMatch(/createHighlighter|createOnigurumaEngine|onig\.wasm|bundledLanguages/);
      expect(source, file).not.toMatch(MERMAID_CODE);
    }
    expect(await page('apm-prerequisites')).toMatch(
      /<figure class="diagram[^>]*><div class=["']?diagram__drawing["']?[^>]*><svg [^>]*aria-roledescription=["']?sequence/,
    );
  });

  it('dates every docs page from git, and shows no "Edit this page" link when no repository is configured', async () => {
    const routes = await sitemapRoutes();
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const html = await readFile(htmlFile(route), 'utf8');
      expect(html, route).toMatch(
        /Last updated<!-- --> on <b><time datetime=\d{4}-\d\d-\d\dT[^ >]+ itemprop=dateModified>[A-Z][a-z]{2} \d{1,2}, \d{4}<\/time>/,
      );
      expect(html, route).not.toContain('theme-edit-this-page');
    }
  });

  it('lists every docs page in the sitemap, and neither the search page nor the 404 page', async () => {
    const routes = await sitemapRoutes();
    expect(routes).toEqual(expect.arrayContaining(['/', '/apm-prerequisites', '/set-up-your-environment']));
    expect(routes).not.toContain('/search');
    expect(routes).not.toContain('/404');
    for (const route of routes) {
      expect(await readFile(htmlFile(route), 'utf8'), route).toMatch(/<div class="theme-doc-markdown markdown">/);
    }
  });

  it('gives every page its language, title, description, canonical URL, theme colours and Markdown twin link', async () => {
    for (const route of await sitemapRoutes()) {
      const html = await readFile(htmlFile(route), 'utf8');
      expect(html, route).toMatch(/<html lang=en /);
      expect(html, route).toMatch(/<title data-rh=true>[^<]+ \| APM docs<\/title>/);
      expect(html, route).toMatch(/<meta data-rh=true name=description content="[^"]{40,}"/);
      expect(html, route).toContain(`<link data-rh=true rel=canonical href=${SITE_URL}${route} />`);
      expect(html.match(/<meta data-rh=true name=theme-color /g), route).toHaveLength(2);
      expect(html, route).toContain(`<link data-rh=true rel=alternate type=text/markdown href=${twinUrl(route)} />`);
      expect(html, route).toMatch(
        new RegExp(`<a href=${twinUrl(route).replace(/[.]/g, '\\.')} type=text/markdown data-markdown-twin[^>]*>View as Markdown</a>`),
      );
    }
  });

  it('publishes every page as Markdown, samples resolved into fences and the diagram kept as mermaid', async () => {
    for (const route of await sitemapRoutes()) {
      const markdown = await readFile(twinFile(route), 'utf8');
      const title = /<h1>([^<]+)<\/h1>/.exec(await readFile(htmlFile(route), 'utf8'))?.[1];
      expect(markdown.startsWith(`# ${title}\n\n> `), route).toBe(true);
      // No JSX, no MDX import (code blocks may import, e.g. Python's `import os`), no region markers.
      expect(markdown, route).not.toMatch(/<Sample|<Tabs|<TabItem|^import .* from '@|#(end)?region/m);
    }
    const apm = await readFile(twinFile('/apm-prerequisites'), 'utf8');
    expect(apm).toContain('```mermaid\nsequenceDiagram');
    for (const extension of ['sh', 'ts', 'py', 'rb', 'php', 'go']) {
      expect(apm).toContain(` title="samples/create-invoice/create-invoice.${extension}"\n`);
    }
    expect(apm).toContain('[Set up your environment](/set-up-your-environment.md)');
  });

  it('lists every Markdown twin in /llms.txt, with its title and description', async () => {
    const llms = await readFile(path.join(outDir, 'llms.txt'), 'utf8');
    expect(llms).toMatch(/^# APM docs\n\n> .+\n/);
    const links = [...llms.matchAll(/^- \[([^\]]+)\]\(([^)]+)\): (.+)$/gm)].map(([, title, url]) => ({ title, url }));
    const routes = await sitemapRoutes();
    expect(links.map((link) => link.url).sort()).toEqual(routes.map((route) => `${SITE_URL}${twinUrl(route)}`).sort());
    expect(links).toContainEqual({ title: 'APM prerequisites', url: `${SITE_URL}/apm-prerequisites.md` });
  });

  it('renders the 404 page in the site layout, with its own title, kept out of search engines', async () => {
    const html = await readFile(path.join(outDir, '404.html'), 'utf8');
    expect(html).toContain('<title data-rh=true>Page not found | APM docs</title>');
    expect(html).toMatch(/<meta data-rh=true name=robots content=noindex/);
    expect(html).toMatch(/<nav aria-label=Main class="[^"]*\bnavbar\b/);
    expect(html).toContain('<h1 class=hero__title>Page not found</h1>');
    expect(html).toContain('overview of the APM guides');
    // A way back instead of the theme's stock "contact the owner of the site" text.
    expect(html).not.toMatch(/contact the owner|We could not find what you were looking for/i);
    const links = [...html.matchAll(/<a [^>]*href=([^ >]+)[^>]*>([^<]+)<\/a>/g)].map(([, href, text]) => `${text} ${href}`);
    expect(links).toEqual(
      expect.arrayContaining([
        // The navbar's entry for the flow pages, on every page.
        'Accept a payment /accept-apm-payments/list-apms',
        'overview of the APM guides /',
        'List the APMs /accept-apm-payments/list-apms',
        'Capture the payment /accept-apm-payments/capture-the-payment',
        'Test your integration /accept-apm-payments/test-your-integration',
      ]),
    );
  });

  it('indexes the prose for the local search, without the code samples', async () => {
    const [indexFile, ...others] = (await readdir(outDir)).filter((file) => /^search-index.*\.json$/.test(file));
    expect(others).toEqual([]);
    const index = await readFile(path.join(outDir, indexFile!), 'utf8');
    expect(index).toContain('return_url');
    expect(index).toContain('/apm-prerequisites');
    // Words that appear only in samples and code blocks.
    expect(index).not.toMatch(/createProcessOutClient|new_invoice|NewInvoice|fail-with-body|sequenceDiagram/);
  });

  it('gives every sample tab its CI badge, a starter, its own response, and the invoice samples Try it buttons', async () => {
    const html = await page('apm-prerequisites');
    expect(html.match(/data-verified-status=passed/g)).toHaveLength(12);
    // cURL and TypeScript tabs of both samples.
    expect(html.match(/data-action=try-it/g)).toHaveLength(4);
    // cURL and TypeScript show what they printed; the other four tabs of each sample the API's answer.
    expect(html.match(/<details open data-sample-response=printed/g)).toHaveLength(4);
    expect(html.match(/<details open data-sample-response=api-answer/g)).toHaveLength(8);
    expect(html.match(/data-starter=/g)).toHaveLength(12);
    // The response, normalised by the samples suite, highlighted at build time.
    expect(html).toMatch(/>"iv_X{32}"<\/span>/);
  });
});
