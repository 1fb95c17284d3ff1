import { expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { sampleRoots, samplesByPage } from '../lib/pageSamples';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';
import { tab, visiblePanel } from '../lib/tabs';

export function copyTests(session: SiteSession): void {
  it('puts on the clipboard exactly the region (or file) each sample tab shows, byte for byte', async (context) => {
    const site = session.ready(context);
    const pages = await samplesByPage(site.pages);
    expect(pages.map((page) => page.route)).toContain('/apm-prerequisites');

    const browserContext = await newBrowserContext(site, { permissions: ['clipboard-read', 'clipboard-write'] });
    const mismatches: string[] = [];
    let copies = 0;
    try {
      const page = await browserContext.newPage();
      for (const { route, samples } of pages) {
        await openRendered(site, page, route);
        const roots = await sampleRoots(page, route, samples);
        for (const [index, { tabs }] of samples.entries()) {
          const root = roots[index] as Locator;
          for (const expected of tabs) {
            await tab(root, expected.language.label).click();
            await page.evaluate(() => navigator.clipboard.writeText(''));
            await visiblePanel(root).locator('button[data-action="copy"]').click();
            const copied = await page.evaluate(() => navigator.clipboard.readText());
            copies += 1;
            if (copied !== expected.code) {
              mismatches.push(`${route} ${expected.file}: copied ${JSON.stringify(copied.slice(0, 80))}…, expected ${JSON.stringify(expected.code.slice(0, 80))}…`);
            }
          }
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(mismatches).toEqual([]);
    expect(copies).toBeGreaterThan(0);
  });
}
