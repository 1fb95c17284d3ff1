import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { newBrowserContext, openRendered, type RunningSite, type SiteSession } from '../lib/session';
import { readSource } from '../lib/sitePages';
import { groupsShowing, tab } from '../lib/tabs';

/** Routes whose source shows language tabs: a `<Sample>` or a `<Tabs groupId="language">`. */
async function languageTabRoutes(site: RunningSite): Promise<string[]> {
  const routes: string[] = [];
  for (const page of site.pages) {
    if (page.source !== null && /<Sample\b|groupId="language"/.test(await readSource(page))) routes.push(page.route);
  }
  return routes;
}

/** The first tab group on the page that offers `label`. */
const groupOffering = (page: Page, label: string) =>
  page
    .locator('[role="tablist"]')
    .filter({ has: page.getByRole('tab', { name: label, exact: true }) })
    .first();

export function tabTests(session: SiteSession): void {
  it('switches every language tab group on the page at once and puts the language in the URL', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/apm-prerequisites');
      expect((await groupsShowing(page, 'Python')).length).toBeGreaterThan(1);
      expect(await groupsShowing(page, 'Python')).not.toContain(true);

      await tab(groupOffering(page, 'Python'), 'Python').click();
      await expect.poll(() => groupsShowing(page, 'Python')).not.toContain(false);
      expect(new URL(page.url()).searchParams.get('language')).toBe('python');
    } finally {
      await browserContext.close();
    }
  });

  it('remembers the chosen language after a reload and on every other page with language tabs', { timeout: 90_000 }, async (context) => {
    const site = session.ready(context);
    const routes = await languageTabRoutes(site);
    expect(routes).toContain('/apm-prerequisites');
    const browserContext = await newBrowserContext(site);
    const routesShowingRuby: string[] = [];
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/apm-prerequisites');
      await tab(groupOffering(page, 'Ruby'), 'Ruby').click();
      await expect.poll(() => groupsShowing(page, 'Ruby')).not.toContain(false);

      // Without ?language= in the address, only the remembered choice can select Ruby: the same page
      // again, then the next two pages with language tabs.
      const others = routes.filter((route) => route !== '/apm-prerequisites').slice(0, 2);
      for (const route of ['/apm-prerequisites', ...others]) {
        await openRendered(site, page, route);
        const groups = await groupsShowing(page, 'Ruby');
        expect(groups, route).not.toContain(false);
        if (groups.length > 0) routesShowingRuby.push(route);
      }
    } finally {
      await browserContext.close();
    }
    expect(routesShowingRuby).toContain('/apm-prerequisites');
    expect(routesShowingRuby.length).toBeGreaterThan(1);
  });

  it('moves the focus to the first and the last tab with Home and End, as the arrow keys move it', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    const focusedTab = (page: Page) =>
      page.evaluate(() => (document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.textContent : null));
    try {
      const page = await browserContext.newPage();
      // A <Sample>'s tabs, then the set-up page's plain <Tabs>.
      for (const route of ['/apm-prerequisites', '/set-up-your-environment']) {
        await openRendered(site, page, route);
        const labels = await groupOffering(page, 'Python').getByRole('tab').allTextContents();
        await tab(groupOffering(page, 'Python'), 'Python').focus();
        await page.keyboard.press('End');
        expect(await focusedTab(page), route).toBe(labels.at(-1));
        await page.keyboard.press('Home');
        expect(await focusedTab(page), route).toBe(labels[0]);
        // Focus only: Enter selects, as after an arrow key.
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await expect.poll(() => groupsShowing(page, labels.at(-1) ?? ''), { message: route }).not.toContain(false);
      }
    } finally {
      await browserContext.close();
    }
  });

  it('selects the language named in ?language= on every group, over the remembered choice', { timeout: 60_000 }, async (context) => {
    const site = session.ready(context);
    const others = (await languageTabRoutes(site)).filter((route) => route !== '/apm-prerequisites');
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      // The APM page (samples only) and one other page (on the set-up page, plain Tabs as well).
      for (const route of ['/apm-prerequisites', ...others.slice(0, 1)]) {
        await openRendered(site, page, route);
        await tab(groupOffering(page, 'Ruby'), 'Ruby').click();
        await expect.poll(() => groupsShowing(page, 'Ruby'), { message: route }).not.toContain(false);

        await openRendered(site, page, `${route}?language=go`);
        const groups = await groupsShowing(page, 'Go');
        expect(groups.length, route).toBeGreaterThan(0);
        expect(groups, route).not.toContain(false);
      }
    } finally {
      await browserContext.close();
    }
  });
}
