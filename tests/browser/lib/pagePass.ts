import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { switchToDarkWithToggle } from './colorMode';
import { watchPageProblems } from './pageProblems';
import { newBrowserContext, openRendered, type RunningSite } from './session';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** What loading one page in a fresh browser profile showed. */
export interface PageReport {
  readonly route: string;
  /** Console errors, uncaught exceptions, failed requests and error responses, light then dark. */
  readonly problems: readonly string[];
  /** Serious and critical axe violations in each colour mode, one line per rule. */
  readonly violations: { readonly light: readonly string[]; readonly dark: readonly string[] };
  /** URL paths of the same-origin scripts the page ran (prefetches of other routes excluded). */
  readonly scripts: readonly string[];
}

async function blockingViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens a second page to merge frame results,
  // three times slower, and these pages have no frames.
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 3).map((node) => {
        // failureSummary reads "Fix any of the following:\n  <the measured problem>"; keep the measurement.
        const why = node.failureSummary?.split('\n')[1]?.trim() ?? '';
        return `${node.html.slice(0, 80)} (${why})`;
      });
      return `${violation.id} (${violation.impact}), ${violation.nodes.length} element(s): ${nodes.join(' | ')}`;
    });
}

async function reportPage(site: RunningSite, route: string): Promise<PageReport> {
  const browserContext = await newBrowserContext(site, { colorScheme: 'light' });
  try {
    const page = await browserContext.newPage();
    const problems = watchPageProblems(page);
    const scripts = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.resourceType() === 'script' && url.origin === site.url) scripts.add(url.pathname);
    });
    await openRendered(site, page, route);
    // Late requests count too: lazy chunks, route prefetches, images below the fold.
    await page.waitForLoadState('networkidle');
    if ((await page.locator('html').getAttribute('data-theme')) !== 'light') throw new Error(`${route} did not open in light mode`);
    const light = await blockingViolations(page);
    await switchToDarkWithToggle(page);
    const dark = await blockingViolations(page);
    return { route, problems: [...problems], violations: { light, dark }, scripts: [...scripts] };
  } finally {
    await browserContext.close();
  }
}

/** Pages open at once: each has its own profile, and while one waits on the network another runs axe. */
const PAGES_AT_ONCE = 2;

/** Every page of the site, each in a fresh profile; the reports in sitemap order. */
async function reportPages(site: RunningSite): Promise<PageReport[]> {
  const reports: PageReport[] = [];
  let next = 0;
  const visitor = async (): Promise<void> => {
    for (let index = next++; index < site.pages.length; index = next++) reports[index] = await reportPage(site, site.pages[index]!.route);
  };
  await Promise.all(Array.from({ length: PAGES_AT_ONCE }, visitor));
  return reports;
}

const passes = new WeakMap<RunningSite, Promise<PageReport[]>>();

/** The reports of every page, made on first use and shared by the tests that read them. */
export function pagePass(site: RunningSite): Promise<PageReport[]> {
  let pass = passes.get(site);
  if (!pass) {
    pass = reportPages(site);
    passes.set(site, pass);
  }
  return pass;
}
