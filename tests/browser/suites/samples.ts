import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { startSandbox } from '@apm-docs/sandbox';
import { skipOutsideCi } from '../../samples/lib/tools';
import { sampleRoots, type PageSamples } from '../lib/pageSamples';
import { watchPageProblems } from '../lib/pageProblems';
import { sampleSurvey, type TabObservation } from '../lib/sampleSurvey';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';
import { builtTryItTarget, forwardOrigin } from '../lib/tryIt';
import { tab, visiblePanel } from '../lib/tabs';

const VERIFIED_STATUSES = ['passed', 'skipped', 'failed'];
const where = (observed: TabObservation) => `${observed.route} ${observed.expected.file}`;

export function sampleTests(session: SiteSession): void {
  it('surveys every language tab of every <Sample> on every page', { timeout: 120_000 }, async (context) => {
    const { pages, tabs } = await sampleSurvey(session.ready(context));
    expect(pages.map((page) => page.route)).toContain('/apm-prerequisites');
    expect(tabs.length).toBe(pages.flatMap((page) => page.samples.flatMap((sample) => sample.tabs)).length);
  });

  it('copies exactly the region (or file) each tab shows, byte for byte', { timeout: 120_000 }, async (context) => {
    const { tabs } = await sampleSurvey(session.ready(context));
    const wrong = tabs
      .filter((observed) => observed.copied !== observed.expected.code)
      .map((observed) => `${where(observed)}: copied ${JSON.stringify(observed.copied?.slice(0, 60) ?? null)}…`);
    expect(wrong).toEqual([]);
    expect(tabs.length).toBeGreaterThan(0);
  });

  it('shows one verified badge with its CI status on every tab', { timeout: 120_000 }, async (context) => {
    const { tabs } = await sampleSurvey(session.ready(context));
    const wrong = tabs
      .filter(
        ({ badges }) => badges.length !== 1 || badges.some((badge) => !VERIFIED_STATUSES.includes(badge.status ?? '') || badge.text === ''),
      )
      .map((observed) => `${where(observed)}: ${JSON.stringify(observed.badges)}`);
    expect(wrong).toEqual([]);
  });

  it(
    'toggles between the region and the whole file (copying what is shown), with no toggle on tabs that show the whole file',
    { timeout: 120_000 },
    async (context) => {
      const { tabs } = await sampleSurvey(session.ready(context));
      const regionTabs = tabs.filter((observed) => observed.expected.isRegion);
      if (regionTabs.length === 0) skipOutsideCi(context, 'no sample on any page shows a region');
      const wrong: string[] = [];
      for (const observed of tabs) {
        const { toggle, expected } = observed;
        if (!expected.isRegion) {
          if (toggle) wrong.push(`${where(observed)}: toggle on a tab that shows the whole file`);
          continue;
        }
        if (!toggle) {
          wrong.push(`${where(observed)}: no full-file toggle`);
          continue;
        }
        const checks: [string, unknown, unknown][] = [
          ['region shown first', observed.codeShown, expected.code],
          ['aria-expanded before', toggle.ariaExpandedBefore, 'false'],
          ['aria-expanded after a click', toggle.ariaExpandedAfter, 'true'],
          ['whole file shown', toggle.codeExpanded, expected.fullCode],
          ['whole file copied', toggle.copiedExpanded, expected.fullCode],
          ['region back after a second click', toggle.codeCollapsedAgain, expected.code],
        ];
        for (const [check, actual, wanted] of checks) if (actual !== wanted) wrong.push(`${where(observed)}: ${check}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it(
    "shows each tab's own response under each invoice sample on the APM prerequisites page, and a starter that downloads",
    { timeout: 120_000 },
    async (context) => {
      const site = session.ready(context);
      const apmPage = (await sampleSurvey(site)).pages.find((page) => page.route === '/apm-prerequisites')!;
      const browserContext = await newBrowserContext(site);
      try {
        const page = await browserContext.newPage();
        await openRendered(site, page, apmPage.route);
        const roots = await sampleRoots(page, apmPage.route, apmPage.samples);
        for (const [index, { use }] of apmPage.samples.entries()) {
          const root = roots[index]!;
          for (const label of ['cURL', 'TypeScript', 'Python', 'Go']) {
            await tab(root, label).click();
            const where = `${use.name} ${label}`;
            const panel = visiblePanel(root);
            const summaries = await panel.locator('[data-sample-response] > summary').allTextContents();
            expect(summaries, where).toHaveLength(1);
            // cURL and TypeScript show what their own file printed; the others say it is the API's answer.
            if (label === 'cURL' || label === 'TypeScript')
              expect(summaries[0], where).toMatch(new RegExp(`what samples/${use.name}/${use.name}\\.(sh|ts) printed`));
            else expect(summaries[0], where).toMatch(/^The API answers/);
            const response = await panel.locator('[data-sample-response] pre').textContent();
            // IDs normalised but still ProcessOut invoice IDs.
            expect(response, where).toMatch(/"id":\s*"iv_/);

            const starter = panel.locator('a[data-starter]');
            expect(await starter.count(), where).toBe(1);
            const download = await page.request.get(new URL((await starter.getAttribute('href')) ?? '', page.url()).href);
            expect(download.status(), where).toBe(200);
            const zip = unzipSync(new Uint8Array(await download.body()));
            const extension = { cURL: 'sh', TypeScript: 'ts', Python: 'py', Go: 'go' }[label];
            expect(Object.keys(zip), where).toContain(
              `${use.name}-${label === 'cURL' ? 'curl' : label.toLowerCase()}/${use.name}.${extension}`,
            );
          }
        }
      } finally {
        await browserContext.close();
      }
    },
  );

  it('sends nothing from a page that is not the local site, and says why', async (context) => {
    const site = session.ready(context);
    const { tabs } = await sampleSurvey(site);
    const target = await builtTryItTarget(site.buildDir);
    const first = tabs.find((observed) => observed.hasTryIt);
    expect(first, 'a tab with a Try it button').toBeDefined();
    if (!first) return;
    expect(target.siteOrigins).not.toContain(new URL(site.url).origin);

    const browserContext = await newBrowserContext(site);
    try {
      const page = await browserContext.newPage();
      const sandboxRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith(target.sandboxUrl)) sandboxRequests.push(request.url());
      });
      await openRendered(site, page, first.route);
      const root = page.locator('[data-sample]').nth(first.sampleIndex);
      await tab(root, first.expected.language.label).click();
      await visiblePanel(root).locator('button[data-action="try-it"]').click();
      await expect.poll(async () => (await visiblePanel(root).locator('[data-try-it-output]').innerText()).trim()).not.toBe('');
      expect(sandboxRequests).toEqual([]);
    } finally {
      await browserContext.close();
    }
  });

  it(
    'runs every Try it request against a real sandbox from the local site and shows its JSON answer',
    { timeout: 90_000 },
    async (context) => {
      const site = session.ready(context);
      const { tabs } = await sampleSurvey(site);
      const tryItTabs = tabs.filter((observed) => observed.hasTryIt);
      expect(tryItTabs.length).toBeGreaterThan(0);

      // The page sends Try it requests only from the site's local origins (port 3000), which the suite cannot
      // count on binding (a dev server may hold it). Chromium asks for that origin and for the sandbox URL
      // baked into the build; Playwright answers the first from the served build, the second from an
      // in-process sandbox, so the request really goes through the sandbox's auth and CORS.
      const target = await builtTryItTarget(site.buildDir);
      const sandbox = await startSandbox();
      const browserContext = await newBrowserContext(site);
      const siteOrigin = target.siteOrigins[0]!;
      const failures: string[] = [];
      try {
        await forwardOrigin(browserContext, siteOrigin, site.url);
        await forwardOrigin(browserContext, target.sandboxUrl, sandbox.url);
        const page = await browserContext.newPage();
        const problems = watchPageProblems(page);
        const localSite = { ...site, url: siteOrigin };
        for (const route of new Set(tryItTabs.map((observed) => observed.route))) {
          await openRendered(localSite, page, route);
          for (const observed of tryItTabs.filter((candidate) => candidate.route === route)) {
            const root = page.locator('[data-sample]').nth(observed.sampleIndex);
            await tab(root, observed.expected.language.label).click();
            await visiblePanel(root).locator('button[data-action="try-it"]').click();
            const output = () => visiblePanel(root).locator('[data-try-it-output]').innerText();
            await expect.poll(output, { timeout: 10_000, message: where(observed) }).toMatch(/"success": (true|false)/);
            if (!(await output()).includes('"success": true')) failures.push(`${where(observed)}: ${(await output()).slice(0, 200)}`);
          }
        }
        expect(problems).toEqual([]);
      } finally {
        await browserContext.close();
        await sandbox.close();
      }
      expect(failures).toEqual([]);
    },
  );

  it('falls back to a tab a sample has when the chosen language is missing, and keeps the choice', async (context) => {
    const site = session.ready(context);
    const { pages } = await sampleSurvey(site);
    const labels = (sample: PageSamples['samples'][number]) => sample.tabs.map((expected) => expected.language.label);
    // A page where one sample lacks a language that another sample on the same page offers.
    const candidate = pages
      .flatMap(({ route, samples }) =>
        samples.flatMap((lacking, lackingIndex) =>
          samples.flatMap((offering, offeringIndex) =>
            labels(offering)
              .filter((label) => !labels(lacking).includes(label))
              .map((label) => ({ route, label, lackingIndex, offeringIndex })),
          ),
        ),
      )
      .at(0);
    if (!candidate) return skipOutsideCi(context, 'no page has a sample that lacks a language another sample on it offers');

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
      await expect.poll(() => tab(samples.nth(candidate.offeringIndex), candidate.label).getAttribute('aria-selected')).toBe('true');
    } finally {
      await browserContext.close();
    }
  });
}
