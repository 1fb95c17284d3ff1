import AxeBuilder from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { watchPageProblems } from '../lib/pageProblems';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export function pageTests(session: SiteSession): void {
  it.for(['light', 'dark'] as const)(
    'loads every page in %s mode without console errors or failed requests, and without serious or critical axe violations',
    { timeout: 180_000 },
    async (colorScheme, context) => {
      const site = session.ready(context);
      const problems: string[] = [];
      const violations: string[] = [];
      const browserContext = await newBrowserContext(site, { colorScheme });
      try {
        for (const { route } of site.pages) {
          const page = await browserContext.newPage();
          const pageProblems = watchPageProblems(page);
          await openRendered(site, page, route);
          // Late requests count too: route prefetches, fonts, images below the fold.
          await page.waitForLoadState('networkidle');
          expect(await page.locator('html').getAttribute('data-theme'), route).toBe(colorScheme);

          const { violations: found } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
          for (const violation of found.filter((candidate) => BLOCKING_IMPACTS.has(candidate.impact ?? ''))) {
            const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join(' | ');
            violations.push(`${route}: ${violation.id} (${violation.impact}) ${violation.help}: ${targets}`);
          }
          problems.push(...pageProblems.map((problem) => `${route}: ${problem}`));
          await page.close();
        }
      } finally {
        await browserContext.close();
      }
      expect(site.pages.length).toBeGreaterThan(0);
      expect.soft(problems, 'console errors and failed requests').toEqual([]);
      expect(violations, 'axe violations').toEqual([]);
    },
  );
}
