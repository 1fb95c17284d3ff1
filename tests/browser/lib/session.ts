import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { isInstalled, requireTool } from '../../samples/lib/tools';
import { launchChromium } from './chromium';
import { suiteBuild } from './siteBuild';
import { mermaidBlocks } from '../../../src/diagrams/sources';
import { readSource, sitePages, type SitePage } from './sitePages';
import { serveStatic, type StaticSite } from './staticServer';

export interface RunningSite {
  /** Where the build is served, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The served build (the suite's shared one, see `suiteBuild`). */
  readonly buildDir: string;
  readonly browser: Browser;
  /** Every page in the sitemap. */
  readonly pages: readonly SitePage[];
  /** How many diagrams each route's source declares. */
  readonly diagramCounts: ReadonlyMap<string, number>;
}

/** A diagram's drawing: the build-time SVG inside its figure (src/remark/mermaidDiagrams.ts). */
export const DIAGRAM_SVG = 'figure.diagram > .diagram__drawing > svg';

/** Checks that a loaded page holds every diagram its source declares (as SVG in the HTML, no waiting). */
export async function waitForDiagrams(page: Page, count: number): Promise<void> {
  if (count === 0) return;
  await page.waitForFunction(
    ({ selector, expected }) => document.querySelectorAll(selector).length >= expected,
    { selector: DIAGRAM_SVG, expected: count },
    { timeout: 5_000 },
  );
}

/**
 * One build, one static server and one Chromium for a browser test file. Tests call `ready(context)`,
 * which skips them ("skipped: chromium not installed") when Chromium is missing locally and fails them
 * when CI=true.
 */
export class SiteSession {
  #site: RunningSite | undefined;
  #server: StaticSite | undefined;

  readonly start = async (): Promise<void> => {
    if (!isInstalled('chromium')) return;
    const buildDir = await suiteBuild();
    const pages = await sitePages(buildDir);
    const diagramCounts = new Map<string, number>();
    for (const page of pages) {
      diagramCounts.set(page.route, page.source === null ? 0 : mermaidBlocks(await readSource(page)).length);
    }
    this.#server = await serveStatic(buildDir);
    const browser = await launchChromium();
    this.#site = { url: this.#server.url, buildDir, browser, pages, diagramCounts };
  };

  readonly stop = async (): Promise<void> => {
    await this.#site?.browser.close();
    await this.#server?.close();
  };

  ready(context: { skip: (note?: string) => never }): RunningSite {
    requireTool(context, 'chromium');
    if (!this.#site) throw new Error('the browser session did not start: see the beforeAll error');
    return this.#site;
  }
}

/**
 * The session of the calling test file: started before its tests (the run's shared build is made here if
 * no other file has made it yet, ~60 s cold on two cores) and stopped after them.
 */
export function openSiteSession(): SiteSession {
  const session = new SiteSession();
  beforeAll(session.start, 300_000);
  afterAll(session.stop);
  return session;
}

/**
 * Waits until React has hydrated the page: the colour mode toggle is server-rendered disabled and is
 * enabled once the app runs in the browser. Clicks before that would hit inert HTML.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('button[aria-label^="Switch between dark and light mode"]:not([disabled])').first().waitFor({ state: 'attached' });
}

/** Opens `route` in `page` and waits until it is interactive and has drawn every diagram. */
export async function openRendered(site: RunningSite, page: Page, route: string): Promise<void> {
  const url = new URL(route, site.url);
  await page.goto(url.href);
  await waitForHydration(page);
  await waitForDiagrams(page, site.diagramCounts.get(url.pathname) ?? 0);
}

/** Longest a click, a wait or a navigation may take before the test reports what it was waiting for. */
const ACTION_TIMEOUT_MS = 10_000;

/** A fresh browser profile: no stored language, colour mode or cache from another test. */
export async function newBrowserContext(site: RunningSite, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await site.browser.newContext(options);
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return context;
}
