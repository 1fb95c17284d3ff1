import { expect, it } from 'vitest';
import { scriptCosts, type ScriptCost } from '../lib/jsFootprint';
import { pagePass } from '../lib/pagePass';
import type { SiteSession } from '../lib/session';

const describeCosts = (costs: readonly ScriptCost[]) =>
  costs.map((cost) => `${cost.path} ${(cost.gzipBytes / 1024).toFixed(1)} KiB${cost.hasMermaid ? ' (mermaid)' : ''}`).join(', ');

// The APM page's 200 KiB target (diagram included) is not met yet: mermaid alone is ~150 KiB gzip.
// `npm run bench:site` reports that figure against its target; CI guards what is met.
export function budgetTests(session: SiteSession): void {
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
