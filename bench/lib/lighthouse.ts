import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_PATH } from '../../tests/browser/lib/chromium';
import { SITE_DIR } from '../../tests/browser/lib/siteBuild';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];
export type LighthouseScores = Record<LighthouseCategory, number>;

/** The lab metrics behind the performance score, as Lighthouse displays them (e.g. "3.1 s"). */
export const PERFORMANCE_METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

export interface LighthouseRun {
  readonly scores: LighthouseScores;
  readonly metrics: Record<(typeof PERFORMANCE_METRICS)[number], string>;
  /** The same metrics as numbers: milliseconds, except cumulative-layout-shift (unitless). */
  readonly values: Record<(typeof PERFORMANCE_METRICS)[number], number>;
}

const LIGHTHOUSE_CLI = path.join(SITE_DIR, 'node_modules', 'lighthouse', 'cli', 'index.js');

interface LighthouseResult {
  readonly categories: Record<string, { readonly score: number | null }>;
  readonly audits: Record<string, { readonly displayValue?: string; readonly numericValue?: number }>;
  readonly runtimeError?: { readonly message: string };
}

/** One Lighthouse run with its default mobile preset (simulated slow 4G, mid-range phone); scores 0–100. */
export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      '--output=json',
      '--quiet',
      `--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 256 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as LighthouseResult;
  if (result.runtimeError) throw new Error(`Lighthouse: ${result.runtimeError.message}`);
  const score = (category: LighthouseCategory) => {
    const value = result.categories[category]?.score;
    if (value === null || value === undefined) throw new Error(`Lighthouse returned no ${category} score for ${url}`);
    return Math.round(value * 100);
  };
  return {
    scores: Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((category) => [category, score(category)])) as LighthouseScores,
    metrics: Object.fromEntries(
      PERFORMANCE_METRICS.map((metric) => [metric, result.audits[metric]?.displayValue ?? 'n/a']),
    ) as LighthouseRun['metrics'],
    values: Object.fromEntries(
      PERFORMANCE_METRICS.map((metric) => [metric, result.audits[metric]?.numericValue ?? Number.NaN]),
    ) as LighthouseRun['values'],
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
