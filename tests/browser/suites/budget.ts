import { expect, it } from 'vitest';
import { scriptCosts, totalGzipBytes, type ScriptCost } from '../lib/jsFootprint';
import { pagePass } from '../lib/pagePass';
import type { SiteSession } from '../lib/session';

/** Gzipped JavaScript the APM prerequisites page may run to render, its diagram included. */
const APM_PAGE_JS_BUDGET_BYTES = 200 * 1024;

const describeCosts = (costs: readonly ScriptCost[]) =>
  costs.map((cost) => `${cost.path} ${(cost.gzipBytes / 1024).toFixed(1)} KiB${cost.hasMermaid ? ' (mermaid)' : ''}`).join(', ');

export function budgetTests(session: SiteSession): void {
  it(`runs at most ${APM_PAGE_JS_BUDGET_BYTES / 1024} KiB of gzipped JavaScript on the APM prerequisites page, diagram included`, { timeout: 240_000 }, async (context) => {
    const site = session.ready(context);
    const report = (await pagePass(site)).find((candidate) => candidate.route === '/apm-prerequisites');
    const costs = await scriptCosts(site.buildDir, report?.scripts ?? []);
    // The page draws a diagram: if no script matched, the mermaid markers are out of date.
    expect(costs.some((cost) => cost.hasMermaid), describeCosts(costs)).toBe(true);
    expect(totalGzipBytes(costs), describeCosts(costs)).toBeLessThanOrEqual(APM_PAGE_JS_BUDGET_BYTES);
  });

  it('runs no mermaid code on pages without a diagram', { timeout: 240_000 }, async (context) => {
    const site = session.ready(context);
    const reports = (await pagePass(site)).filter((report) => (site.diagramCounts.get(report.route) ?? 0) === 0);
    expect(reports.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const report of reports) {
      const mermaid = (await scriptCosts(site.buildDir, report.scripts)).filter((cost) => cost.hasMermaid);
      if (mermaid.length > 0) offenders.push(`${report.route}: ${describeCosts(mermaid)}`);
    }
    expect(offenders).toEqual([]);
  });
}
