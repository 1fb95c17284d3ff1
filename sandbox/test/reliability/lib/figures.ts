import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Each test file runs in its own vitest fork; it leaves its figures in RELIABILITY_FIGURES_DIR (set by
// `npm run test:reliability`, see run.ts), which prints them once every file has finished.

export type Figures = Record<string, number>;

export function figuresDir(): string | undefined {
  return process.env.RELIABILITY_FIGURES_DIR;
}

/** Records a suite's figures, plus the peak RSS of the process that ran it (KiB). */
export function recordFigures(suite: string, figures: Figures): void {
  const dir = figuresDir();
  if (!dir) return;
  const withRss = { ...figures, testProcessMaxRssKb: process.resourceUsage().maxRSS };
  writeFileSync(join(dir, `${suite}.json`), JSON.stringify(withRss, null, 2));
}
