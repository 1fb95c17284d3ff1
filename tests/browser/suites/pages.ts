import { expect, it } from 'vitest';
import { pagePass } from '../lib/pagePass';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';

export function pageTests(session: SiteSession): void {
  it(
    'loads every page of the sitemap without console errors, uncaught exceptions or failed requests',
    { timeout: 240_000 },
    async (context) => {
      const site = session.ready(context);
      const reports = await pagePass(site);
      expect(reports.map((report) => report.route)).toEqual(site.pages.map((page) => page.route));
      expect(reports.flatMap((report) => report.problems.map((problem) => `${report.route}: ${problem}`))).toEqual([]);
    },
  );

  it.for(['light', 'dark'] as const)(
    'draws plain Markdown code blocks with a visible edge and readable text in %s mode',
    async (mode, context) => {
      const site = session.ready(context);
      const browserContext = await newBrowserContext(site, { colorScheme: mode });
      try {
        const page = await browserContext.newPage();
        // The set-up page's ```bash blocks, not <Sample>s.
        await openRendered(site, page, '/set-up-your-environment');
        const block = await page
          .locator('.theme-code-block')
          .first()
          .evaluate((element) => {
            const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
            const luminance = (color: string) => {
              const [r = 0, g = 0, b = 0] = rgb(color)
                .map((c) => c / 255)
                .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const contrast = (a: string, b: string) => {
              const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
              return (light + 0.05) / (dark + 0.05);
            };
            const pre = element.querySelector('pre') as HTMLElement;
            const { color, backgroundColor } = getComputedStyle(pre);
            const edge = getComputedStyle(element);
            return {
              theme: document.documentElement.dataset.theme,
              text: contrast(color, backgroundColor),
              border: edge.borderTopStyle,
              borderWidth: edge.borderTopWidth,
              borderVsBlock: contrast(edge.borderTopColor, backgroundColor),
            };
          });
        expect(block.theme).toBe(mode);
        expect(block.text).toBeGreaterThanOrEqual(4.5);
        // The light block is as white as the page: only its border shows where it is.
        expect(block).toMatchObject({ border: 'solid', borderWidth: '1px' });
        expect(block.borderVsBlock).toBeGreaterThan(1.2);
      } finally {
        await browserContext.close();
      }
    },
  );

  it.for(['light', 'dark'] as const)(
    'has no serious or critical axe violations on any page in %s mode',
    { timeout: 240_000 },
    async (mode, context) => {
      const reports = await pagePass(session.ready(context));
      expect(reports.flatMap((report) => report.violations[mode].map((violation) => `${report.route}: ${violation}`))).toEqual([]);
    },
  );
}
