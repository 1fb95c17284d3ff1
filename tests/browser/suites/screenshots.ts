import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SITE_DIR } from '../lib/siteBuild';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';

/** Test artifacts, gitignored; CI can upload the folder. */
const SCREENSHOT_DIR = path.join(SITE_DIR, 'test-results', 'screenshots');

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  { name: 'mobile', width: 390, height: 844, isMobile: true },
] as const;

/** The diagram page and a flow page with many cURL samples. */
const ROUTES = ['/apm-prerequisites', '/accept-apm-payments/capture-the-payment'];

interface CodeBlockFit {
  readonly file: string;
  /** The `curl …` line (method and route) of a cURL block: how far it runs past the block's edge, in px. */
  readonly curlLineOverflow: number | null;
  readonly overflows: boolean;
  /** What a reader sees of an overflowing block: the edge shadow (a background gradient) and keyboard focus. */
  readonly scrollAffordance: boolean;
}

function codeBlockFits(page: Page): Promise<CodeBlockFit[]> {
  return page.$$eval('[data-sample-code]', (figures) =>
    figures
      .map((figure) => ({ figure, pre: figure.querySelector('pre') }))
      .filter(({ pre }) => pre !== null && pre.getBoundingClientRect().width > 0)
      .map(({ figure, pre }) => {
        const block = pre as HTMLElement;
        const right = block.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(block).paddingRight);
        const curlLine = Array.from(block.querySelectorAll('.line')).find((line) => /^\s*curl\b/.test(line.textContent));
        return {
          file: figure.querySelector('figcaption')?.textContent ?? '',
          curlLineOverflow: curlLine ? Math.max(0, curlLine.getBoundingClientRect().right - right) : null,
          overflows: block.scrollWidth > block.clientWidth,
          scrollAffordance: getComputedStyle(block).backgroundImage.includes('radial-gradient') && block.tabIndex === 0,
        };
      }),
  );
}

export function screenshotTests(session: SiteSession): void {
  it('screenshots the diagram page and a flow page, light and dark, at 1280 and 390 px: no sideways page scroll, every cURL route visible at 1280, every cut line scrollable with a visible hint', async (context) => {
    const site = session.ready(context);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const route of ROUTES) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const { name, width, height, isMobile } of VIEWPORTS) {
          const browserContext = await newBrowserContext(site, { colorScheme, viewport: { width, height }, isMobile, hasTouch: isMobile });
          try {
            const page = await browserContext.newPage();
            await openRendered(site, page, route);
            const where = `${route} ${colorScheme} ${width}px`;
            expect(await page.locator('html').getAttribute('data-theme'), where).toBe(colorScheme);
            // Code blocks may scroll inside their own box; the page itself must fit the screen.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, `${where}: page wider than the viewport by`).toBeLessThanOrEqual(0);
            for (const block of await codeBlockFits(page)) {
              if (block.overflows) expect(block.scrollAffordance, `${where}: ${block.file} is cut without a scroll hint`).toBe(true);
              if (width === 1280 && block.curlLineOverflow !== null)
                expect(
                  block.curlLineOverflow,
                  `${where}: ${block.file}: the curl line (method and route) runs past the edge by`,
                ).toBeLessThanOrEqual(0);
            }
            const file = path.join(SCREENSHOT_DIR, `${route.slice(1).replace(/\//g, '_')}-${colorScheme}-${name}-${width}.png`);
            await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
          } finally {
            await browserContext.close();
          }
        }
      }
    }
  }, 240_000);
}
