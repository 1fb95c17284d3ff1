import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Strings only mermaid's own code contains: its API object (core chunk), the issue-tracker URL in its
 * diagram renderers' errors, and langium, the parser library behind its newer diagram grammars.
 */
export const MERMAID_CODE = /mermaidAPI|github\.com\/mermaid-js\/mermaid|langium/;

export interface ScriptCost {
  /** URL path, e.g. `/assets/js/main.1a2b3c4d.js`. */
  readonly path: string;
  /** Size after gzip at level 9, the most a host could save. */
  readonly gzipBytes: number;
  readonly hasMermaid: boolean;
}

/** The JavaScript a page's HTML asks for before any code runs: `<script src>` and JS preloads. */
export function htmlScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*?\bsrc=["']?([^"' >]+)/g)].map(([, src = '']) => src);
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel=["']?(?:preload|modulepreload)\b/.test(tag) && /\bhref=["']?[^"' >]+\.m?js\b/.test(tag))
    .map((tag) => /\bhref=["']?([^"' >]+)/.exec(tag)?.[1] ?? '');
  return [...new Set([...scripts, ...preloads])];
}

/** Gzipped size and mermaid content of each script, read from the build by URL path. */
export async function scriptCosts(buildDir: string, paths: readonly string[]): Promise<ScriptCost[]> {
  return Promise.all(
    [...new Set(paths)].map(async (urlPath) => {
      const code = await readFile(path.join(buildDir, decodeURIComponent(new URL(urlPath, 'http://site').pathname)));
      return { path: urlPath, gzipBytes: gzipSync(code, { level: 9 }).length, hasMermaid: MERMAID_CODE.test(code.toString('utf8')) };
    }),
  );
}

export function totalGzipBytes(costs: readonly ScriptCost[]): number {
  return costs.reduce((sum, cost) => sum + cost.gzipBytes, 0);
}

/**
 * Every script a page executes while it loads and renders, the lazily loaded chunks included, by URL
 * path. Route prefetches (`<link rel=prefetch>` for linked pages) download code the page does not run, so
 * only requests the browser makes for `<script>` elements count. `waitUntilRendered` must wait for the
 * page's own signals (hydration, diagrams): on a busy machine the network can sit idle while main.js is
 * still being parsed, before the route's chunks are even requested.
 */
export async function loadedScripts(
  context: BrowserContext,
  url: string,
  waitUntilRendered: (page: Page) => Promise<void>,
): Promise<string[]> {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const scripts: string[] = [];
  page.on('request', (request) => {
    const requested = new URL(request.url());
    if (request.resourceType() === 'script' && requested.origin === origin) scripts.push(requested.pathname);
  });
  try {
    await page.goto(url);
    await waitUntilRendered(page);
    await page.waitForLoadState('networkidle');
    return [...new Set(scripts)];
  } finally {
    await page.close();
  }
}

/**
 * Every script file the browser fetches for a page: what it runs, plus the route chunks it prefetches for
 * the pages it links to (Docusaurus prefetches visible links once idle). By URL path.
 */
export async function fetchedScripts(
  context: BrowserContext,
  url: string,
  waitUntilRendered: (page: Page) => Promise<void>,
): Promise<string[]> {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const requested = new URL(request.url());
    if (requested.origin === origin && /\.m?js$/.test(requested.pathname)) scripts.add(requested.pathname);
  });
  try {
    await page.goto(url);
    await waitUntilRendered(page);
    await page.waitForLoadState('networkidle');
    // Prefetches start on an idle callback after hydration: give them a moment, then wait for the network.
    await page.waitForTimeout(1_000);
    await page.waitForLoadState('networkidle');
    return [...scripts];
  } finally {
    await page.close();
  }
}
