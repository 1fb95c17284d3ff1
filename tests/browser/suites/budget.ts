import { expect, it } from 'vitest';
import { loadedScripts, scriptCosts, totalGzipBytes, type ScriptCost } from '../lib/jsFootprint';
import { newBrowserContext, type RunningSite, type SiteSession, waitForRender } from '../lib/session';

/** Gzipped JavaScript the APM prerequisites page may run to render, its diagram included. */
export const APM_PAGE_JS_BUDGET_BYTES = 200 * 1024;

const describeCosts = (costs: readonly ScriptCost[]) =>
  costs.map((cost) => `${cost.path} ${(cost.gzipBytes / 1024).toFixed(1)} KiB${cost.hasMermaid ? ' (mermaid)' : ''}`).join(', ');

/** What a page runs until it has rendered, each script gzipped (level 9) from the build. */
export async function pageScriptCosts(site: RunningSite, route: string): Promise<ScriptCost[]> {
  const browserContext = await newBrowserContext(site);
  try {
    const scripts = await loadedScripts(browserContext, new URL(route, site.url).href, (page) => waitForRender(site, page));
    return await scriptCosts(site.buildDir, scripts);
  } finally {
    await browserContext.close();
  }
}

export function budgetTests(session: SiteSession): void {
  it(`runs at most ${APM_PAGE_JS_BUDGET_BYTES / 1024} KiB of gzipped JavaScript to render the APM prerequisites page, diagram included`, async (context) => {
    const site = session.ready(context);
    const costs = await pageScriptCosts(site, '/apm-prerequisites');
    // The page draws a diagram: if no script matched, the mermaid markers are out of date.
    expect(costs.some((cost) => cost.hasMermaid), describeCosts(costs)).toBe(true);
    expect(totalGzipBytes(costs), describeCosts(costs)).toBeLessThanOrEqual(APM_PAGE_JS_BUDGET_BYTES);
  });

  it('runs no mermaid code on pages without a diagram', { timeout: 120_000 }, async (context) => {
    const site = session.ready(context);
    const routes = site.pages.map((page) => page.route).filter((route) => (site.diagramCounts.get(route) ?? 0) === 0);
    expect(routes.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const route of routes) {
      const mermaid = (await pageScriptCosts(site, route)).filter((cost) => cost.hasMermaid);
      if (mermaid.length > 0) offenders.push(`${route}: ${describeCosts(mermaid)}`);
    }
    expect(offenders).toEqual([]);
  });
}
