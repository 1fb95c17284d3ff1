// `npm run test:reliability`: the reliability and security suite at full counts, then its figures.
// Exits non-zero when a test fails or a figure that must be zero is not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figures } from './lib/figures.ts';

/** vitest runs from the repository root, where its config is. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SUITES = ['fuzz', 'load', 'crash', 'webhook-faults'] as const;

const figuresDir = mkdtempSync(join(tmpdir(), 'reliability-figures-'));
const vitest = spawnSync(join(REPO_ROOT, 'node_modules/.bin/vitest'), ['run', 'sandbox/test/reliability'], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, RELIABILITY_SCALE: 'full', RELIABILITY_FIGURES_DIR: figuresDir },
});

const suites = Object.fromEntries(
  SUITES.map((suite) => {
    const file = join(figuresDir, `${suite}.json`);
    return [suite, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figures) : null];
  }),
) as Record<(typeof SUITES)[number], Figures | null>;
rmSync(figuresDir, { recursive: true, force: true });

/** A figure, or NaN when its suite did not get far enough to record it. */
const get = (suite: (typeof SUITES)[number], name: string) => suites[suite]?.[name] ?? Number.NaN;
const sum = (...values: number[]) => values.reduce((a, b) => a + b, 0);
const mib = (kb: number) => (Number.isNaN(kb) ? Number.NaN : `${(kb / 1024).toFixed(0)} MiB`);

const rows: [string, number | string, 'zero' | 'info'][] = [
  ['requests fuzzed', get('fuzz', 'requestsFuzzed'), 'info'],
  ['5xx answers', get('fuzz', 'fiveXx'), 'zero'],
  ['crashes (sandbox died or stopped answering)', sum(get('fuzz', 'crashes'), get('crash', 'crashes')), 'zero'],
  ['load: orders placed concurrently', get('load', 'orders'), 'info'],
  ['load: requests sent (incl. duplicates and retries)', get('load', 'requestsSent'), 'info'],
  ['load: objects lost', get('load', 'objectsLost'), 'zero'],
  ['load: objects duplicated', get('load', 'objectsDuplicated'), 'zero'],
  ['load: second captures accepted', get('load', 'secondCapturesAccepted'), 'zero'],
  ['kill -9: invoices answered before the kill', get('crash', 'invoicesAnsweredBeforeKill'), 'info'],
  ['kill -9: captures answered before the kill', get('crash', 'capturesAnsweredBeforeKill'), 'info'],
  ['kill -9: objects lost', get('crash', 'objectsLostAfterKill'), 'zero'],
  ['kill -9: objects duplicated', get('crash', 'objectsDuplicatedAfterKill'), 'zero'],
  ['kill -9: deliveries queued at the kill', get('crash', 'webhookDeliveriesQueuedAtKill'), 'info'],
  [
    'webhook deliveries attempted',
    sum(
      get('load', 'webhookDeliveriesAttempted'),
      get('crash', 'webhookDeliveriesAttempted'),
      get('webhook-faults', 'webhookDeliveriesAttempted'),
    ),
    'info',
  ],
  [
    'webhook deliveries succeeded',
    sum(
      get('load', 'webhookDeliveriesSucceeded'),
      get('crash', 'webhookDeliveriesSucceeded'),
      get('webhook-faults', 'webhookDeliveriesSucceeded'),
    ),
    'info',
  ],
  ['webhook deliveries failed for good (endpoint down past the window)', get('webhook-faults', 'webhookDeliveriesFailedForGood'), 'info'],
  ['max RSS, sandbox child process (CLI under load)', mib(get('crash', 'sandboxChildMaxRssKb')), 'info'],
  ['max RSS, test processes (in-process sandbox + clients)', mib(Math.max(...SUITES.map((s) => get(s, 'testProcessMaxRssKb')))), 'info'],
];

const width = Math.max(...rows.map(([label]) => label.length));
console.log('\nReliability figures (full counts)\n');
for (const [label, value, kind] of rows) {
  const flag = kind === 'zero' ? (value === 0 ? '  ok' : '  MUST BE 0') : '';
  console.log(`  ${label.padEnd(width)}  ${String(Number.isNaN(value) ? 'n/a' : value).padStart(8)}${flag}`);
}
const missing = SUITES.filter((suite) => suites[suite] === null);
if (missing.length > 0) console.log(`\n  no figures from: ${missing.join(', ')}`);
const nonZero = rows.filter(([, value, kind]) => kind === 'zero' && value !== 0);
process.exitCode = vitest.status !== 0 || nonZero.length > 0 || missing.length > 0 ? 1 : 0;
