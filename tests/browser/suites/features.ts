import { expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { sampleRoots, samplesByPage, type PageSamples } from '../lib/pageSamples';
import { watchPageProblems } from '../lib/pageProblems';
import { newBrowserContext, openRendered, type RunningSite, type SiteSession } from '../lib/session';
import { shownTexts, tab, visiblePanel } from '../lib/tabs';

const VERIFIED_STATUSES = ['passed', 'skipped', 'failed'];

export function featureTests(session: SiteSession): void {
  let pagesWithSamples: Promise<PageSamples[]> | undefined;
  const samplePages = (site: RunningSite) => (pagesWithSamples ??= samplesByPage(site.pages));

  it('shows a verified badge with its CI status on every sample tab', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    const problems: string[] = [];
    try {
      const page = await browserContext.newPage();
      for (const { route, samples } of await samplePages(site)) {
        await openRendered(site, page, route);
        const roots = await sampleRoots(page, route, samples);
        for (const [index, { tabs }] of samples.entries()) {
          const root = roots[index] as Locator;
          for (const expected of tabs) {
            await tab(root, expected.language.label).click();
            const statuses = await root.evaluate((element) =>
              Array.from(element.querySelectorAll('[data-verified]'))
                .filter((badge) => badge.closest('[role="tabpanel"][hidden]') === null)
                .map((badge) => ({ status: badge.getAttribute('data-verified-status'), text: badge.textContent?.trim() ?? '' })),
            );
            const where = `${route} ${expected.file}`;
            if (statuses.length !== 1) problems.push(`${where}: ${statuses.length} badges shown`);
            for (const { status, text } of statuses) {
              if (!VERIFIED_STATUSES.includes(status ?? '')) problems.push(`${where}: status "${status}"`);
              if (text === '') problems.push(`${where}: badge has no text`);
            }
          }
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(problems).toEqual([]);
  });

  it('shows the API response next to each invoice sample on the APM prerequisites page', async (context) => {
    const site = session.ready(context);
    const apmPage = (await samplePages(site)).find((page) => page.route === '/apm-prerequisites');
    expect(apmPage?.samples.length).toBeGreaterThan(0);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/apm-prerequisites');
      const roots = await sampleRoots(page, '/apm-prerequisites', apmPage?.samples ?? []);
      for (const [index, { use, tabs }] of (apmPage?.samples ?? []).entries()) {
        const root = roots[index] as Locator;
        for (const expected of tabs) {
          await tab(root, expected.language.label).click();
          const responses = await shownTexts(root, '[data-sample-response]');
          expect(responses, `${use.name} ${expected.language.label}`).toHaveLength(1);
          expect(responses[0], `${use.name} ${expected.language.label}`).toMatch(/invoice/i);
        }
      }
    } finally {
      await browserContext.close();
    }
  });

  it('toggles between the shown region and the whole file, and offers no toggle where the tab already shows the whole file', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    const problems: string[] = [];
    let toggled = 0;
    try {
      const page = await browserContext.newPage();
      for (const { route, samples } of await samplePages(site)) {
        await openRendered(site, page, route);
        const roots = await sampleRoots(page, route, samples);
        for (const [index, { tabs }] of samples.entries()) {
          const root = roots[index] as Locator;
          for (const expected of tabs) {
            await tab(root, expected.language.label).click();
            const panel = visiblePanel(root);
            const toggle = panel.locator('button[data-action="view-full-file"]');
            const shownCode = () => panel.locator('[data-sample-code] pre').first().textContent();
            const where = `${route} ${expected.file}`;
            if (!expected.isRegion) {
              if ((await toggle.count()) !== 0) problems.push(`${where}: a full-file toggle on a tab that shows the whole file`);
              continue;
            }
            if ((await toggle.getAttribute('aria-expanded')) !== 'false') problems.push(`${where}: not collapsed at first`);
            if ((await shownCode()) !== expected.code) problems.push(`${where}: collapsed view is not the region`);
            await toggle.click();
            if ((await toggle.getAttribute('aria-expanded')) !== 'true') problems.push(`${where}: aria-expanded not true after a click`);
            if ((await shownCode()) !== expected.fullCode) problems.push(`${where}: expanded view is not the whole file`);
            await toggle.click();
            if ((await shownCode()) !== expected.code) problems.push(`${where}: second click does not bring the region back`);
            toggled += 1;
          }
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(problems).toEqual([]);
    if (toggled === 0) context.skip('no sample on any page shows a region');
  });

  it('runs a sample with Try it and shows its output without page errors', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      const problems = watchPageProblems(page);
      await openRendered(site, page, '/apm-prerequisites');
      const root = page.locator('[data-sample]').first();
      const tryIt = visiblePanel(root).locator('button[data-action="try-it"]');
      expect(await tryIt.count(), 'Try it button in the first sample').toBe(1);
      await tryIt.click();
      await expect.poll(async () => (await shownTexts(root, '[data-try-it-output]')).join('').trim(), { timeout: 15_000 }).not.toBe('');
      expect(problems).toEqual([]);
    } finally {
      await browserContext.close();
    }
  });

  it('falls back to a tab a sample has when the chosen language is missing, and keeps the choice for other samples', async (context) => {
    const site = session.ready(context);
    const allLabels = (tabs: PageSamples['samples'][number]['tabs']) => tabs.map((expected) => expected.language.label);
    // A page where one sample lacks a language that another sample on the same page offers.
    const candidates = (await samplePages(site)).flatMap(({ route, samples }) =>
      samples.flatMap((lacking, lackingIndex) =>
        samples.flatMap((offering, offeringIndex) =>
          allLabels(offering.tabs)
            .filter((label) => !allLabels(lacking.tabs).includes(label))
            .map((label) => ({ route, label, lackingIndex, offeringIndex })),
        ),
      ),
    );
    const [candidate] = candidates;
    if (!candidate) return context.skip('no page has a sample that lacks a language another sample on it offers');

    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, candidate.route);
      const samples = page.locator('[data-sample]');
      await tab(samples.nth(candidate.offeringIndex), candidate.label).click();
      const lacking = samples.nth(candidate.lackingIndex);
      await expect.poll(() => visiblePanel(lacking).count()).toBe(1);
      expect((await visiblePanel(lacking).locator('[data-sample-code] pre').first().textContent())?.trim()).not.toBe('');

      await openRendered(site, page, candidate.route);
      await expect
        .poll(() => tab(samples.nth(candidate.offeringIndex), candidate.label).getAttribute('aria-selected'))
        .toBe('true');
    } finally {
      await browserContext.close();
    }
  });

  it('finds the APM prerequisites page with the local search', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/');
      const search = page.getByRole('searchbox').or(page.locator('.navbar input[type="search"]')).first();
      expect(await search.count(), 'search box in the navbar').toBe(1);
      await search.fill('return_url');
      const result = page.getByRole('listbox').getByRole('link').or(page.getByRole('option').locator('a'));
      await expect.poll(() => result.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))).toContain('/apm-prerequisites');
    } finally {
      await browserContext.close();
    }
  });
}
