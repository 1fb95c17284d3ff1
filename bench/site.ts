/**
 * Site performance budget: a cold production build, then what the built pages cost a reader.
 * Run with `npm run bench:site`; prints each figure with its target and PASS / MISS.
 *
 * JavaScript sizes are each file gzipped at level 9 by this script (a host's best case), summed.
 * "HTML initial" is what the page's HTML asks for (`<script src>`, JS preloads); "to render" is every
 * script Chromium runs until the page, its diagram included, has rendered (lazy chunks too).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/browser/lib/chromium';
import { htmlScripts, loadedScripts, MERMAID_CODE, scriptCosts, totalGzipBytes } from '../tests/browser/lib/jsFootprint';
import { BUILD_DIR, buildSite, SITE_DIR } from '../tests/browser/lib/siteBuild';
import { mermaidBlocks, readSource, sitePages } from '../tests/browser/lib/sitePages';
import { serveStatic } from '../tests/browser/lib/staticServer';
import { waitForDiagrams, waitForHydration } from '../tests/browser/lib/session';
import { LIGHTHOUSE_CATEGORIES, median, PERFORMANCE_METRICS, runLighthouse, type LighthouseCategory, type LighthouseRun } from './lib/lighthouse';
import { formatReport, kib, type BudgetRow } from './lib/report';

const APM_ROUTE = '/apm-prerequisites';
const TARGETS = {
  coldBuildSeconds: 15,
  apmJsBytes: 200 * 1024,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } satisfies Record<LighthouseCategory, number>,
};
/** Lighthouse's mobile performance score swings by several points between runs: report the median (odd count). */
const LIGHTHOUSE_RUNS = 3;

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Everything a cold build starts without: generated routes, the previous output and bundler caches. */
async function clearBuildState(): Promise<void> {
  for (const dir of ['.docusaurus', 'build', path.join('node_modules', '.cache')]) {
    await rm(path.join(SITE_DIR, dir), { recursive: true, force: true });
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function main(): Promise<void> {
  const rows: BudgetRow[] = [];
  // Wall times and Lighthouse's performance score depend on what else the machine is doing.
  const machine = () => `${os.availableParallelism()} cores, load average ${os.loadavg()[0]?.toFixed(1)}`;
  rows.push({ metric: 'machine at start', value: machine() });

  log('Cold build: clearing .docusaurus, build and node_modules/.cache …');
  await clearBuildState();
  const buildMs = await buildSite({ DOCUSAURUS_GENERATED_FILES_DIR_NAME: '.docusaurus' });
  rows.push({
    metric: 'cold build wall time',
    value: `${(buildMs / 1000).toFixed(1)} s`,
    target: `≤ ${TARGETS.coldBuildSeconds} s`,
    met: buildMs <= TARGETS.coldBuildSeconds * 1000,
  });

  const pages = await sitePages(BUILD_DIR);
  const server = await serveStatic(BUILD_DIR, { gzip: true });
  const browser = await launchChromium();
  try {
    for (const page of pages) {
      log(`Measuring the JavaScript of ${page.route} …`);
      const diagrams = page.source === null ? 0 : mermaidBlocks(await readSource(page)).length;
      const html = await (await fetch(new URL(page.route, server.url))).text();
      const initial = await scriptCosts(BUILD_DIR, htmlScripts(html));
      const context = await browser.newContext();
      const rendered = await scriptCosts(
        BUILD_DIR,
        await loadedScripts(context, new URL(page.route, server.url).href, async (tab) => {
          await waitForHydration(tab);
          await waitForDiagrams(tab, diagrams);
        }),
      );
      await context.close();

      const isApm = page.route === APM_ROUTE;
      rows.push({
        metric: `${page.route}: initial JS from the HTML`,
        value: kib(totalGzipBytes(initial)),
        ...(isApm ? { target: `≤ ${kib(TARGETS.apmJsBytes)}`, met: totalGzipBytes(initial) <= TARGETS.apmJsBytes } : {}),
      });
      rows.push({
        metric: `${page.route}: JS run to render${diagrams > 0 ? ', diagram included' : ''}`,
        value: kib(totalGzipBytes(rendered)),
        ...(isApm ? { target: `≤ ${kib(TARGETS.apmJsBytes)}`, met: totalGzipBytes(rendered) <= TARGETS.apmJsBytes } : {}),
      });
      const mermaid = rendered.filter((cost) => cost.hasMermaid);
      const mermaidValue = mermaid.length === 0 ? 'none' : `${mermaid.length} chunk(s), ${kib(totalGzipBytes(mermaid))}`;
      rows.push(
        diagrams > 0
          ? { metric: `${page.route}: chunks with mermaid code run (${diagrams} diagram(s))`, value: mermaidValue }
          : { metric: `${page.route}: mermaid code run (no diagram)`, value: mermaidValue, target: 'none', met: mermaid.length === 0 },
      );
    }

    const jsDir = path.join(BUILD_DIR, 'assets', 'js');
    const allChunks = await scriptCosts(BUILD_DIR, (await readdir(jsDir)).map((file) => `/assets/js/${file}`));
    const mermaidChunks = allChunks.filter((cost) => cost.hasMermaid);
    rows.push({
      metric: `chunks holding mermaid code (${MERMAID_CODE.source})`,
      value: `${mermaidChunks.length}, ${kib(totalGzipBytes(mermaidChunks))}`,
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
    const runs: LighthouseRun[] = [];
    for (let attempt = 1; attempt <= LIGHTHOUSE_RUNS; attempt += 1) {
      log(`Lighthouse run ${attempt} of ${LIGHTHOUSE_RUNS} on ${APM_ROUTE} (mobile) …`);
      runs.push(await runLighthouse(new URL(APM_ROUTE, server.url).href));
    }
    for (const category of LIGHTHOUSE_CATEGORIES) {
      const scores = runs.map((run) => run.scores[category]);
      const value = median(scores);
      rows.push({
        metric: `Lighthouse ${category} (mobile, median of ${scores.join(', ')})`,
        value: String(value),
        target: `≥ ${TARGETS.lighthouse[category]}`,
        met: value >= TARGETS.lighthouse[category],
      });
    }
    const medianRun = runs.find((run) => run.scores.performance === median(runs.map((candidate) => candidate.scores.performance)));
    for (const metric of PERFORMANCE_METRICS) {
      if (medianRun) rows.push({ metric: `  ${metric} (median-performance run)`, value: medianRun.metrics[metric] });
    }
  } finally {
    await server.close();
  }

  rows.push({ metric: 'machine at end', value: machine() });
  process.stdout.write(`${formatReport(rows)}\n`);
}

await main();
