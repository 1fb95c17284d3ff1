import { expect, it } from 'vitest';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';

export function searchTests(session: SiteSession): void {
  it('finds the APM prerequisites page by a term from its text with the local search, and opens it', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/');
      const search = page
        .locator('.navbar')
        .getByRole('combobox', { name: 'Search' })
        .or(page.locator('.navbar').getByRole('textbox', { name: 'Search' }));
      expect(await search.count(), 'search box in the navbar').toBe(1);
      await search.fill('return_url');
      await page.getByRole('option').filter({ hasText: 'APM prerequisites' }).first().click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/apm-prerequisites');
    } finally {
      await browserContext.close();
    }
  });
}
