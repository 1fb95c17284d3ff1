/**
 * Site performance budget: a cold production build, then what the built pages cost a reader, as ratios
 * measured in one run beside a stock Docusaurus classic site (absolute sizes and times move with the
 * machine). Run with `npm run bench:site`; prints each figure with its target and PASS / MISS.
 *
 * JavaScript sizes are each file gzipped at level 9 by this script (a host's best case), summed.
 * "run to render" is every script Chromium runs until the page has rendered; "fetched" adds the route
 * chunks the page prefetches for the pages it links to. Pages are served gzip'd, like a real host.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/browser/lib/chromium';
import { JS_BUDGET, ratio } from '../tests/browser/lib/jsBudget';
import { fetchedScripts, loadedScripts, MERMAID_CODE, scriptCosts, totalGzipBytes } from '../tests/browser/lib/jsFootprint';
import { BUILD_DIR, buildSite, SITE_DIR } from '../tests/browser/lib/siteBuild';
import { mermaidBlocks, readSource, sitePages } from '../tests/browser/lib/sitePages';
import { serveStatic, type StaticSite } from '../tests/browser/lib/staticServer';
import { waitForDiagrams, waitForHydration } from '../tests/browser/lib/session';
import {
  LIGHTHOUSE_CATEGORIES,
  median,
  PERFORMANCE_METRICS,
  runLighthouse,
  type LighthouseCategory,
  type LighthouseRun,
} from './lib/lighthouse';
import { formatReport, kib, type BudgetRow } from './lib/report';
import { buildStockSite, type StockSite } from './lib/stockSite';

const APM_ROUTE = '/apm-prerequisites';
/** The prose page whose Lighthouse figures are printed beside the APM page's: the diagram's cost shows. */
const PROSE_ROUTE = '/set-up-your-environment';
const TARGETS = {
  coldBuildSeconds: 15,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } satisfies Record<LighthouseCategory, number>,
  totalBlockingTimeMs: 200,
  cumulativeLayoutShift: 0.01,
};
/** Lighthouse's mobile performance score swings by several points between runs: report the median (odd count). */
const LIGHTHOUSE_RUNS = 3;

const log = (message: string) => process.stderr.write(`${message}\n`);
const times = (value: number) => `${value.toFixed(2)} ×`;

/** The bench's own generated route files: a developer's `.docusaurus/` may be in use by `npm start`. */
const GENERATED_FILES_DIR = path.join('node_modules', '.cache', 'apm-docs-bench', 'generated');

/** Everything a cold build starts without: generated routes, the previous output and the bundler's cache. */
async function clearBuildState(): Promise<void> {
  for (const dir of [GENERATED_FILES_DIR, BUILD_DIR, path.join('node_modules', '.cache', 'rspack')]) {
    await rm(path.resolve(SITE_DIR, dir), { recursive: true, force: true });
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

interface PageWeight {
  readonly route: string;
  readonly diagrams: number;
  /** Gzipped bytes of the scripts run to render, and of every script fetched (prefetches included). */
  readonly run: number;
  readonly fetched: number;
  readonly mermaidChunks: number;
}

async function weighPage(browser: Browser, server: StaticSite, buildDir: string, route: string, diagrams: number): Promise<PageWeight> {
  const url = new URL(route, server.url).href;
  const rendered = async (tab: import('playwright-core').Page) => {
    await waitForHydration(tab);
    await waitForDiagrams(tab, diagrams);
  };
  const context = await browser.newContext();
  try {
    const run = await scriptCosts(buildDir, await loadedScripts(context, url, rendered));
    const fetched = await scriptCosts(buildDir, await fetchedScripts(context, url, rendered));
    return {
      route,
      diagrams,
      run: totalGzipBytes(run),
      fetched: totalGzipBytes(fetched),
      mermaidChunks: run.filter((cost) => cost.hasMermaid).length,
    };
  } finally {
    await context.close();
  }
}

async function lighthouseRuns(url: string, label: string): Promise<LighthouseRun[]> {
  const runs: LighthouseRun[] = [];
  for (let attempt = 1; attempt <= LIGHTHOUSE_RUNS; attempt += 1) {
    log(`Lighthouse run ${attempt} of ${LIGHTHOUSE_RUNS} on ${label} (mobile) …`);
    runs.push(await runLighthouse(url));
  }
  return runs;
}

/** The median-performance run's figures; with `checked`, against the targets. */
function lighthouseRows(label: string, runs: readonly LighthouseRun[], checked: boolean): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const category of LIGHTHOUSE_CATEGORIES) {
    const scores = runs.map((run) => run.scores[category]);
    const value = median(scores);
    rows.push({
      metric: `${label}: Lighthouse ${category} (mobile, median of ${scores.join(', ')})`,
      value: String(value),
      ...(checked ? { target: `≥ ${TARGETS.lighthouse[category]}`, met: value >= TARGETS.lighthouse[category] } : {}),
    });
  }
  const medianRun = runs.find((run) => run.scores.performance === median(runs.map((candidate) => candidate.scores.performance)));
  if (!medianRun) return rows;
  for (const metric of PERFORMANCE_METRICS) {
    const target =
      metric === 'total-blocking-time'
        ? { target: `≤ ${TARGETS.totalBlockingTimeMs} ms`, met: medianRun.values[metric] <= TARGETS.totalBlockingTimeMs }
        : metric === 'cumulative-layout-shift'
          ? { target: `≤ ${TARGETS.cumulativeLayoutShift}`, met: medianRun.values[metric] <= TARGETS.cumulativeLayoutShift }
          : {};
    rows.push({ metric: `${label}:   ${metric} (median-performance run)`, value: medianRun.metrics[metric], ...(checked ? target : {}) });
  }
  return rows;
}

async function main(): Promise<void> {
  const rows: BudgetRow[] = [];
  // Wall times and Lighthouse's performance score depend on what else the machine is doing.
  const machine = () => `${os.availableParallelism()} cores, load average ${os.loadavg()[0]?.toFixed(1)}`;
  rows.push({ metric: 'machine at start', value: machine() });

  log(`Cold build: clearing the generated files, ${path.relative(SITE_DIR, BUILD_DIR) || BUILD_DIR} and node_modules/.cache/rspack …`);
  await clearBuildState();
  const buildMs = await buildSite({ DOCUSAURUS_GENERATED_FILES_DIR_NAME: GENERATED_FILES_DIR });
  rows.push({
    metric: 'cold build wall time',
    value: `${(buildMs / 1000).toFixed(1)} s`,
    target: `≤ ${TARGETS.coldBuildSeconds} s`,
    met: buildMs <= TARGETS.coldBuildSeconds * 1000,
  });

  const stockDir = await mkdtemp(path.join(os.tmpdir(), 'apm-docs-stock-'));
  let stock: StockSite | null = null;
  try {
    log('Building a stock Docusaurus classic site (npm pack create-docusaurus) …');
    stock = await buildStockSite(stockDir);
  } catch (error) {
    rows.push({ metric: 'stock Docusaurus site', value: `not built: ${(error as Error).message.split('\n')[0]}` });
  }

  const pages = await sitePages(BUILD_DIR);
  const server = await serveStatic(BUILD_DIR, { gzip: true });
  const stockServer = stock ? await serveStatic(stock.buildDir, { gzip: true }) : null;
  const browser = await launchChromium();
  try {
    const weights: PageWeight[] = [];
    for (const page of pages) {
      log(`Measuring the JavaScript of ${page.route} …`);
      const diagrams = page.source === null ? 0 : mermaidBlocks(await readSource(page)).length;
      weights.push(await weighPage(browser, server, BUILD_DIR, page.route, diagrams));
    }
    const stockWeight = stock && stockServer ? await weighPage(browser, stockServer, stock.buildDir, stock.route, 0) : null;

    const prose = weights.filter((weight) => weight.diagrams === 0);
    const lightest = prose.reduce((best, weight) => (weight.run < best.run ? weight : best));
    // Without the stock site, the lightest prose page stands in (it is the stock page plus this site's shared code).
    const reference = stockWeight ?? lightest;
    const referenceName = stockWeight ? `stock ${stock?.version} ${stockWeight.route}` : `lightest prose page ${lightest.route}`;
    if (stockWeight) {
      rows.push({
        metric: `stock ${stock?.version} ${stockWeight.route}: JS run / fetched`,
        value: `${kib(stockWeight.run)} / ${kib(stockWeight.fetched)}`,
      });
    }
    for (const weight of weights) {
      rows.push({ metric: `${weight.route}: JS run / fetched`, value: `${kib(weight.run)} / ${kib(weight.fetched)}` });
      rows.push({
        metric: `${weight.route}: fetched JS ÷ ${referenceName}'s`,
        value: times(ratio(weight.fetched, reference.fetched)),
        target: `≤ ${JS_BUDGET.pageVsStock} ×`,
        met: ratio(weight.fetched, reference.fetched) <= JS_BUDGET.pageVsStock,
      });
      if (weight.diagrams > 0) {
        rows.push({
          metric: `${weight.route}: JS run to render ÷ lightest prose page ${lightest.route}'s`,
          value: times(ratio(weight.run, lightest.run)),
          target: `≤ ${JS_BUDGET.diagramPageVsLightestProse} ×`,
          met: ratio(weight.run, lightest.run) <= JS_BUDGET.diagramPageVsLightestProse,
        });
      }
      rows.push({
        metric: `${weight.route}: chunks with mermaid code run`,
        value: String(weight.mermaidChunks),
        target: '0',
        met: weight.mermaidChunks === 0,
      });
    }

    const jsDir = path.join(BUILD_DIR, 'assets', 'js');
    const allChunks = await scriptCosts(
      BUILD_DIR,
      (await readdir(jsDir)).map((file) => `/assets/js/${file}`),
    );
    const mermaidChunks = allChunks.filter((cost) => cost.hasMermaid);
    rows.push({
      metric: `chunks in the build holding mermaid code (${MERMAID_CODE.source})`,
      value: `${mermaidChunks.length}, ${kib(totalGzipBytes(mermaidChunks))}`,
      target: '0',
      met: mermaidChunks.length === 0,
    });

    const searchIndexes = (await filesUnder(BUILD_DIR)).filter((file) => /^search-index.*\.json$/.test(path.basename(file)));
    if (searchIndexes.length === 0) {
      rows.push({ metric: 'local search index', value: 'not emitted' });
    } else {
      const contents = await Promise.all(searchIndexes.map((file) => readFile(file)));
      const raw = contents.reduce((sum, content) => sum + content.length, 0);
      const gzipped = contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0);
      rows.push({ metric: `local search index (${searchIndexes.length} file(s))`, value: `${kib(raw)} (${kib(gzipped)} gzip)` });
    }
  } finally {
    await browser.close();
  }

  try {
    rows.push(...lighthouseRows(APM_ROUTE, await lighthouseRuns(new URL(APM_ROUTE, server.url).href, APM_ROUTE), true));
    rows.push(...lighthouseRows(PROSE_ROUTE, await lighthouseRuns(new URL(PROSE_ROUTE, server.url).href, PROSE_ROUTE), false));
    if (stock && stockServer) {
      const label = `stock ${stock.route}`;
      rows.push(...lighthouseRows(label, await lighthouseRuns(new URL(stock.route, stockServer.url).href, label), false));
    }
  } finally {
    await server.close();
    await stockServer?.close();
    await rm(stockDir, { recursive: true, force: true });
  }

  rows.push({ metric: 'machine at end', value: machine() });
  process.stdout.write(`${formatReport(rows)}\n`);
}

await main();
