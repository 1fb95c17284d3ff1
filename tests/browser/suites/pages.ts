import { expect, it } from 'vitest';
import { pagePass } from '../lib/pagePass';
import type { SiteSession } from '../lib/session';

export function pageTests(session: SiteSession): void {
  it('loads every page of the sitemap without console errors, uncaught exceptions or failed requests', { timeout: 240_000 }, async (context) => {
    const site = session.ready(context);
    const reports = await pagePass(site);
    expect(reports.map((report) => report.route)).toEqual(site.pages.map((page) => page.route));
    expect(reports.flatMap((report) => report.problems.map((problem) => `${report.route}: ${problem}`))).toEqual([]);
  });

  it.for(['light', 'dark'] as const)('has no serious or critical axe violations on any page in %s mode', { timeout: 240_000 }, async (mode, context) => {
    const reports = await pagePass(session.ready(context));
    expect(reports.flatMap((report) => report.violations[mode].map((violation) => `${report.route}: ${violation}`))).toEqual([]);
  });
}
