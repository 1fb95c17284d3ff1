import type { Locator, Page } from 'playwright-core';
import { samplesByPage, sampleRoots, type ExpectedTab, type PageSamples } from './pageSamples';
import { newBrowserContext, openRendered, type RunningSite } from './session';
import { tab, visiblePanel } from './tabs';

export interface FullFileToggle {
  readonly ariaExpandedBefore: string | null;
  readonly ariaExpandedAfter: string | null;
  readonly codeExpanded: string | null;
  readonly copiedExpanded: string | null;
  readonly codeCollapsedAgain: string | null;
}

/** What one language tab of one sample showed and did in the browser. */
export interface TabObservation {
  readonly route: string;
  readonly expected: ExpectedTab;
  /** Position of the sample on its page. */
  readonly sampleIndex: number;
  readonly codeShown: string | null;
  /** Clipboard text after clicking the copy button; null when the tab has no copy button. */
  readonly copied: string | null;
  readonly badges: readonly { readonly status: string | null; readonly text: string }[];
  /** The full-file toggle, exercised; null when the tab has none. */
  readonly toggle: FullFileToggle | null;
  readonly hasTryIt: boolean;
}

export interface SampleSurvey {
  readonly pages: readonly PageSamples[];
  readonly tabs: readonly TabObservation[];
}

const shownCode = (panel: Locator) => panel.locator('[data-sample-code] pre').first().textContent();

/** Clicks `button` and returns what it put on the clipboard (emptied first, so a dead button shows). */
async function copyWith(page: Page, button: Locator): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await button.click();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function observeTab(page: Page, route: string, root: Locator, sampleIndex: number, expected: ExpectedTab): Promise<TabObservation> {
  await tab(root, expected.language.label).click();
  const panel = visiblePanel(root);
  const copyButton = panel.locator('button[data-action="copy"]');
  const copied = (await copyButton.count()) === 1 ? await copyWith(page, copyButton) : null;
  const badges = await panel
    .locator('[data-verified]')
    .evaluateAll((elements) => elements.map((badge) => ({ status: badge.getAttribute('data-verified-status'), text: badge.textContent?.trim() ?? '' })));

  let toggle: FullFileToggle | null = null;
  const toggleButton = panel.locator('button[data-action="view-full-file"]');
  if ((await toggleButton.count()) === 1) {
    const ariaExpandedBefore = await toggleButton.getAttribute('aria-expanded');
    await toggleButton.click();
    const ariaExpandedAfter = await toggleButton.getAttribute('aria-expanded');
    const codeExpanded = await shownCode(panel);
    const copiedExpanded = (await copyButton.count()) === 1 ? await copyWith(page, copyButton) : null;
    await toggleButton.click();
    toggle = { ariaExpandedBefore, ariaExpandedAfter, codeExpanded, copiedExpanded, codeCollapsedAgain: await shownCode(panel) };
  }
  return {
    route,
    expected,
    sampleIndex,
    codeShown: await shownCode(panel),
    copied,
    badges,
    toggle,
    hasTryIt: (await panel.locator('button[data-action="try-it"]').count()) > 0,
  };
}

/**
 * Visits every language tab of every sample on every page once, copying, reading the badge and working
 * the full-file toggle, so the copy, badge and toggle tests share one pass over the site.
 */
export async function surveySampleTabs(site: RunningSite): Promise<SampleSurvey> {
  const pages = await samplesByPage(site.pages);
  const browserContext = await newBrowserContext(site, { permissions: ['clipboard-read', 'clipboard-write'] });
  const tabs: TabObservation[] = [];
  try {
    const page = await browserContext.newPage();
    for (const { route, samples } of pages) {
      await openRendered(site, page, route);
      const roots = await sampleRoots(page, route, samples);
      for (const [sampleIndex, { tabs: expectedTabs }] of samples.entries()) {
        for (const expected of expectedTabs) {
          tabs.push(await observeTab(page, route, roots[sampleIndex] as Locator, sampleIndex, expected));
        }
      }
    }
  } finally {
    await browserContext.close();
  }
  return { pages, tabs };
}

const surveys = new WeakMap<RunningSite, Promise<SampleSurvey>>();

/** The survey of `site`, made on first use and shared by every test that reads it. */
export function sampleSurvey(site: RunningSite): Promise<SampleSurvey> {
  let survey = surveys.get(site);
  if (!survey) {
    survey = surveySampleTabs(site);
    surveys.set(site, survey);
  }
  return survey;
}
