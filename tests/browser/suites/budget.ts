import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { JS_BUDGET, ratio } from '../lib/jsBudget';
import { scriptCosts, totalGzipBytes, type ScriptCost } from '../lib/jsFootprint';
import { pagePass } from '../lib/pagePass';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';

const describeCosts = (costs: readonly ScriptCost[]) =>
  costs.map((cost) => `${cost.path} ${(cost.gzipBytes / 1024).toFixed(1)} KiB${cost.hasMermaid ? ' (mermaid)' : ''}`).join(', ');

// Diagrams are SVG in the HTML: no page, diagram or not, runs mermaid, and a page with a diagram costs about
// what a prose page does. `npm run bench:site` also compares every page with a stock Docusaurus page.
export function budgetTests(session: SiteSession): void {
  it('builds no mermaid chunk and runs mermaid code on no page', { timeout: 240_000 }, async (context) => {
    const site = session.ready(context);
    const jsDir = path.join(site.buildDir, 'assets', 'js');
    const chunks = await scriptCosts(
      site.buildDir,
      (await readdir(jsDir)).map((file) => `/assets/js/${file}`),
    );
    expect(describeCosts(chunks.filter((cost) => cost.hasMermaid))).toBe('');
    const offenders: string[] = [];
    for (const report of await pagePass(site)) {
      const mermaid = (await scriptCosts(site.buildDir, report.scripts)).filter((cost) => cost.hasMermaid);
      if (mermaid.length > 0) offenders.push(`${report.route}: ${describeCosts(mermaid)}`);
    }
    expect(offenders).toEqual([]);
  });

  it(
    `runs at most ${JS_BUDGET.diagramPageVsLightestProse} × the JavaScript of the lightest prose page on a page with a diagram`,
    { timeout: 240_000 },
    async (context) => {
      const site = session.ready(context);
      const totals = await Promise.all(
        (await pagePass(site)).map(async (report) => ({
          route: report.route,
          bytes: totalGzipBytes(await scriptCosts(site.buildDir, report.scripts)),
        })),
      );
      const prose = totals.filter(({ route }) => (site.diagramCounts.get(route) ?? 0) === 0);
      const lightest = Math.min(...prose.map(({ bytes }) => bytes));
      const withDiagrams = totals.filter(({ route }) => (site.diagramCounts.get(route) ?? 0) > 0);
      expect(withDiagrams.length).toBeGreaterThan(0);
      for (const { route, bytes } of withDiagrams) {
        expect(ratio(bytes, lightest), `${route}: ${bytes} B gzip against ${lightest} B`).toBeLessThanOrEqual(
          JS_BUDGET.diagramPageVsLightestProse,
        );
      }
    },
  );

  // Docusaurus's own prefetch added a <link rel=prefetch> per chunk of every route a link matches, the
  // layout routes' included: 281 on the APM page, nearly all for chunks it had run (src/client/idlePrefetch.ts).
  it('prefetches the linked routes in idle time, each chunk once and none the page has run', { timeout: 60_000 }, async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/apm-prerequisites');
      const readPrefetches = () =>
        page.evaluate(() => ({
          prefetched: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=prefetch]'), (link) => link.href),
          ran: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((entry) => entry.initiatorType === 'script')
            .map((entry) => entry.name),
        }));
      // Idle periods come once the page is quiet: read until two readings a second apart agree (20 s at most).
      let previous = await readPrefetches();
      for (let second = 0; second < 20; second++) {
        await page.waitForTimeout(1_000);
        const current = await readPrefetches();
        const settled = current.prefetched.length === previous.prefetched.length && current.prefetched.length > 0;
        previous = current;
        if (settled) break;
      }
      const { prefetched, ran } = previous;
      expect(prefetched.length, 'the links on the page prefetch their routes').toBeGreaterThan(0);
      expect(
        prefetched.filter((href, index) => prefetched.indexOf(href) !== index),
        'prefetched twice',
      ).toEqual([]);
      expect(
        prefetched.filter((href) => ran.includes(href)),
        'prefetched although the page ran it',
      ).toEqual([]);
    } finally {
      await browserContext.close();
    }
  });
}
