import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SITE_DIR } from '../lib/siteBuild';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';

/** Test artifacts, gitignored; CI can upload the folder. */
const SCREENSHOT_DIR = path.join(SITE_DIR, 'test-results', 'screenshots');

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  { name: 'mobile', width: 390, height: 844, isMobile: true },
] as const;

export function screenshotTests(session: SiteSession): void {
  it('screenshots the APM prerequisites page in light and dark mode at 1280 and 390 px, with no sideways page scroll', async (context) => {
    const site = session.ready(context);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const { name, width, height, isMobile } of VIEWPORTS) {
        const browserContext = await newBrowserContext(site, { colorScheme, viewport: { width, height }, isMobile, hasTouch: isMobile });
        try {
          const page = await browserContext.newPage();
          await openRendered(site, page, '/apm-prerequisites');
          const where = `${colorScheme} ${width}px`;
          expect(await page.locator('html').getAttribute('data-theme'), where).toBe(colorScheme);
          // The wide diagram may scroll inside its own box; the page itself must fit the screen.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${where}: page wider than the viewport by`).toBeLessThanOrEqual(0);
          const file = path.join(SCREENSHOT_DIR, `apm-prerequisites-${colorScheme}-${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        } finally {
          await browserContext.close();
        }
      }
    }
  }, 120_000);
}
