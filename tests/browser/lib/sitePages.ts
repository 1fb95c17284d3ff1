import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SITE_DIR } from './siteBuild';

export interface SitePage {
  /** Path as the browser requests it, e.g. `/apm-prerequisites`. */
  readonly route: string;
  /** The MDX or Markdown file the page is built from, relative to the site root; null for non-doc pages. */
  readonly source: string | null;
}

/** Every page the build lists in its sitemap, by path (the sitemap's host is the public one, not ours). */
export async function sitemapRoutes(buildDir: string): Promise<string[]> {
  const sitemap = await readFile(path.join(buildDir, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc = '']) => new URL(loc).pathname);
}

/**
 * Which docs file each route is built from, read from the build itself: every doc's client chunk carries
 * its metadata, `"source":"@site/docs/x.mdx"` followed by its `"permalink"`, in one flat object.
 */
async function docSourcesByRoute(buildDir: string): Promise<Map<string, string>> {
  const jsDir = path.join(buildDir, 'assets', 'js');
  const sources = new Map<string, string>();
  for (const file of await readdir(jsDir)) {
    const code = await readFile(path.join(jsDir, file), 'utf8');
    for (const [, source = '', permalink = ''] of code.matchAll(/"source":"@site\/([^"]+)"[^{}]*?"permalink":"([^"]+)"/g)) {
      sources.set(permalink, source);
    }
  }
  return sources;
}

/** The site's pages in sitemap order, each with its source file when it is a doc. */
export async function sitePages(buildDir: string): Promise<SitePage[]> {
  const [routes, sources] = await Promise.all([sitemapRoutes(buildDir), docSourcesByRoute(buildDir)]);
  return routes.map((route) => ({ route, source: sources.get(route) ?? null }));
}

export function readSource(page: SitePage): Promise<string> {
  if (page.source === null) throw new Error(`${page.route} is not built from a docs file`);
  return readFile(path.join(SITE_DIR, page.source), 'utf8');
}

export { mermaidBlocks } from '../../../src/diagrams/sources';

/**
 * The participant labels of a sequence diagram, in declaration order: `actor Customer` is "Customer",
 * `participant API as ProcessOut API` is "ProcessOut API".
 */
export function sequenceParticipants(diagram: string): string[] {
  return [...diagram.matchAll(/^\s*(?:participant|actor)\s+(\S+)(?:\s+as\s+(.+?))?\s*$/gm)].map(([, id = '', alias]) => alias ?? id);
}
