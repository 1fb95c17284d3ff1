import { expect, it } from 'vitest';
import { SAMPLE_LANGUAGES } from '../../../src/sample-files/languages';
import { newBrowserContext, openRendered, type RunningSite, type SiteSession } from '../lib/session';
import { groupsShowing, tab } from '../lib/tabs';

const LANGUAGE_LABELS = SAMPLE_LANGUAGES.map((language) => language.label);

/** Routes of the pages that show a language tab, found by loading each page. */
async function pagesWithLanguageTabs(site: RunningSite): Promise<string[]> {
  const browserContext = await newBrowserContext(site);
  const routes: string[] = [];
  try {
    const page = await browserContext.newPage();
    for (const { route } of site.pages) {
      await openRendered(site, page, route);
      const tabLabels = await page.getByRole('tab').allTextContents();
      if (tabLabels.some((text) => LANGUAGE_LABELS.includes(text.trim()))) routes.push(route);
    }
  } finally {
    await browserContext.close();
  }
  return routes;
}

export function tabTests(session: SiteSession): void {
  let routesWithTabs: Promise<string[]> | undefined;
  const languagePages = (site: RunningSite) => (routesWithTabs ??= pagesWithLanguageTabs(site));

  it('finds language tabs on the APM prerequisites page and at least one other page', async (context) => {
    const routes = await languagePages(session.ready(context));
    expect(routes).toContain('/apm-prerequisites');
    expect(routes.length).toBeGreaterThan(1);
  });

  it('switches every language tab group on the page at once and puts the language in the URL', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/apm-prerequisites');
      expect((await groupsShowing(page, 'Python')).length).toBeGreaterThan(1);
      expect(await groupsShowing(page, 'Python')).not.toContain(true);

      await tab(page.locator('[role="tablist"]').first(), 'Python').click();
      await expect.poll(() => groupsShowing(page, 'Python')).not.toContain(false);
      expect(new URL(page.url()).searchParams.get('language')).toBe('python');
    } finally {
      await browserContext.close();
    }
  });

  it('remembers the chosen language after a reload and on every other page with language tabs', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/apm-prerequisites');
      await tab(page.locator('[role="tablist"]').last(), 'Ruby').click();
      await expect.poll(() => groupsShowing(page, 'Ruby')).not.toContain(false);

      // Without ?language=, only the stored choice can select Ruby.
      for (const route of await languagePages(site)) {
        await openRendered(site, page, route);
        expect(await groupsShowing(page, 'Ruby'), route).not.toContain(false);
      }
    } finally {
      await browserContext.close();
    }
  });

  it('selects the language named in ?language= on every group, over the stored choice', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      for (const route of await languagePages(site)) {
        await openRendered(site, page, route);
        await tab(page.locator('[role="tablist"]').first(), 'Ruby').click();
        await expect.poll(() => groupsShowing(page, 'Ruby'), { message: route }).not.toContain(false);

        await openRendered(site, page, `${route}?language=go`);
        expect(await groupsShowing(page, 'Go'), route).not.toContain(false);
      }
    } finally {
      await browserContext.close();
    }
  });
}
