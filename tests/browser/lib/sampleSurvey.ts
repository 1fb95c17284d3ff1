import type { Locator } from 'playwright-core';
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

interface PanelState {
  readonly code: string | null;
  readonly hasCopyButton: boolean;
  readonly badges: TabObservation['badges'];
  /** `aria-expanded` of the full-file toggle; undefined when the panel has no toggle. */
  readonly toggleExpanded: string | null | undefined;
  readonly hasTryIt: boolean;
  /** What the clipboard held when the state was read. */
  readonly clipboard: string;
}

/**
 * Everything the survey reads from a tab panel, in one round trip to the page: the clipboard (waiting up
 * to a second for a copy to land when `awaitClipboard`), which is then emptied for the next copy.
 */
function panelState(panel: Locator, awaitClipboard: boolean): Promise<PanelState> {
  return panel.evaluate(async (element, waitForCopy) => {
    let clipboard = await navigator.clipboard.readText();
    for (let waited = 0; waitForCopy && clipboard === '' && waited < 1000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      clipboard = await navigator.clipboard.readText();
    }
    await navigator.clipboard.writeText('');
    const toggle = element.querySelector('button[data-action="view-full-file"]');
    return {
      code: element.querySelector('[data-sample-code] pre')?.textContent ?? null,
      hasCopyButton: element.querySelector('button[data-action="copy"]') !== null,
      badges: Array.from(element.querySelectorAll('[data-verified]')).map((badge) => ({
        status: badge.getAttribute('data-verified-status'),
        text: badge.textContent.trim(),
      })),
      toggleExpanded: toggle ? toggle.getAttribute('aria-expanded') : undefined,
      hasTryIt: element.querySelector('button[data-action="try-it"]') !== null,
      clipboard,
    };
  }, awaitClipboard);
}

async function observeTab(root: Locator, sampleIndex: number, route: string, expected: ExpectedTab): Promise<TabObservation> {
  await tab(root, expected.language.label).click();
  const panel = visiblePanel(root);
  const copyButton = panel.locator('button[data-action="copy"]');
  const toggleButton = panel.locator('button[data-action="view-full-file"]');

  const collapsed = await panelState(panel, false);
  if (collapsed.hasCopyButton) await copyButton.click();
  let toggle: FullFileToggle | null = null;
  let copied: string | null;
  if (collapsed.toggleExpanded === undefined) {
    copied = collapsed.hasCopyButton ? (await panelState(panel, true)).clipboard : null;
  } else {
    await toggleButton.click();
    // The whole file is fetched on demand (src/sample-files/fullFile.ts): wait until it is shown.
    await panel.locator('button[data-action="view-full-file"][aria-expanded="true"]').waitFor({ timeout: 5000 });
    const expanded = await panelState(panel, collapsed.hasCopyButton);
    copied = collapsed.hasCopyButton ? expanded.clipboard : null;
    if (expanded.hasCopyButton) await copyButton.click();
    await toggleButton.click();
    const collapsedAgain = await panelState(panel, expanded.hasCopyButton);
    toggle = {
      ariaExpandedBefore: collapsed.toggleExpanded,
      ariaExpandedAfter: expanded.toggleExpanded ?? null,
      codeExpanded: expanded.code,
      copiedExpanded: expanded.hasCopyButton ? collapsedAgain.clipboard : null,
      codeCollapsedAgain: collapsedAgain.code,
    };
  }
  return {
    route,
    expected,
    sampleIndex,
    codeShown: collapsed.code,
    copied,
    badges: collapsed.badges,
    toggle,
    hasTryIt: collapsed.hasTryIt,
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
          tabs.push(await observeTab(roots[sampleIndex]!, sampleIndex, route, expected));
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
