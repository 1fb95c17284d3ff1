// `npm run bench:sandbox`: create-invoice throughput and latency of the sandbox against a Prism mock
// of the same OpenAPI, then a fixed 1,000 req/s run, and the sandbox's peak memory.
//
// Every server runs in its own child process (the load generator, autocannon, runs here):
// - the sandbox exactly as `npm run sandbox` starts it, logging one line per request (to a file, as
//   `npm run sandbox > sandbox.log` would: a pipe to this busy process would stall it), stateful:
//   every invoice is written to SQLite. The targets are checked on `--db :memory:`; the same run on
//   a database file (the CLI default; WAL) is shown beside it, since its cost is the disk's;
// - Prism (`prism mock`) on a copy of the reference invoices OpenAPI whose string-encoded examples
//   are parsed into objects (see lib/prism-spec.ts), with its logging at "error" so that it is not
//   slowed down by printing. Prism keeps no state: it answers the example.
// Exits non-zero when a target is missed.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PROJECT } from '../sandbox/src/demo.ts';
import { freePort, peakRssKb, REPO_ROOT, spawnSandboxCli, spawnServer, type ChildServer } from './lib/processes.ts';
import { writePrismReadySpec } from './lib/prism-spec.ts';

const REFERENCE_SPEC = join(REPO_ROOT, '../shared/reference/processout/processout-invoices-api-openapi.yml');
const TARGETS = { throughputRatio: 3, p99AtFixedRateMs: 10, rssMb: 150 };
const WARMUP_S = 3;
const THROUGHPUT_S = 10;
const FIXED_RATE = 1_000;
const FIXED_RATE_S = 10;
const CONNECTIONS = 16;

const createInvoice = {
  method: 'POST' as const,
  path: '/invoices',
  headers: {
    authorization: `Basic ${Buffer.from(`${DEMO_PROJECT.id}:${DEMO_PROJECT.secret}`).toString('base64')}`,
    'content-type': 'application/json',
  },
  body: JSON.stringify({ name: 'Bench order', amount: '19.99', currency: 'EUR', return_url: 'https://shop.example/return' }),
};

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, seconds: number, options: Partial<autocannon.Options> = {}): Promise<Run> {
  const result = await autocannon({ url: `${url}${createInvoice.path}`, ...createInvoice, connections: CONNECTIONS, duration: seconds, ...options });
  return { rps: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
const servers: ChildServer[] = [];
try {
  const spec = join(dir, 'invoices-openapi.json');
  const converted = writePrismReadySpec(REFERENCE_SPEC, spec);
  const prismPort = await freePort();
  const sandboxCli = async (db: string) => spawnSandboxCli(['--port', String(await freePort()), '--db', db, '--rate-limit', '0'], join(dir, 'sandbox.log'));
  const [sandbox, fileSandbox, prism] = await Promise.all([
    sandboxCli(':memory:'),
    sandboxCli(join(dir, 'bench.db')),
    spawnServer(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', spec, '-p', String(prismPort), '-h', '127.0.0.1', '-v', 'error'],
      { readiness: { probe: `http://127.0.0.1:${prismPort}/invoices/iv_probe` }, logFile: join(dir, 'prism.log'), timeoutMs: 120_000 },
    ),
  ]);
  servers.push(sandbox, fileSandbox, prism);

  for (const server of servers) await load(server.url, WARMUP_S);
  const ours = await load(sandbox.url, THROUGHPUT_S);
  const onFile = await load(fileSandbox.url, THROUGHPUT_S);
  const theirs = await load(prism.url, THROUGHPUT_S);
  const peakAfterMaxMb = (peakRssKb(sandbox.pid) ?? Number.NaN) / 1024;
  // The fixed-rate run gets a fresh sandbox, so that its memory is that of one run at 1,000 req/s.
  const steady = await sandboxCli(':memory:');
  servers.push(steady);
  const atFixedRate = { connections: 10, overallRate: FIXED_RATE };
  await load(steady.url, WARMUP_S, atFixedRate);
  const fixed = await load(steady.url, FIXED_RATE_S, atFixedRate);
  const rssMb = (peakRssKb(steady.pid) ?? Number.NaN) / 1024;

  const ratio = ours.rps / theirs.rps;
  const describe = (run: Run) => `${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`;
  const rows: [string, string][] = [
    ['sandbox (CLI, SQLite :memory:), max throughput', describe(ours)],
    ['sandbox (CLI, SQLite file), max throughput', `${describe(onFile)} (${(onFile.rps / theirs.rps).toFixed(2)}x Prism)`],
    ['Prism mock (stateless), max throughput', describe(theirs)],
    ['throughput ratio sandbox / Prism', `${ratio.toFixed(2)}x (target >= ${TARGETS.throughputRatio}x)`],
    [`sandbox at ${FIXED_RATE} req/s (fresh process)`, `${fixed.rps.toFixed(0)} req/s served, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms (target p99 <= ${TARGETS.p99AtFixedRateMs} ms)`],
    ['sandbox peak RSS during the 1,000 req/s run', `${rssMb.toFixed(0)} MB (target <= ${TARGETS.rssMb} MB)`],
    ['sandbox peak RSS after the max-throughput runs', `${peakAfterMaxMb.toFixed(0)} MB (every invoice created so far is kept in memory)`],
    ['errors / non-2xx (memory, file, Prism, fixed rate)', [ours, onFile, theirs, fixed].map((run) => run.errors + run.non2xx).join(', ')],
  ];
  console.log(`\nCreate-invoice benchmark (${CONNECTIONS} connections, ${THROUGHPUT_S} s per run; Prism spec: ${converted} string examples parsed)\n`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);

  const missed = [
    ratio < TARGETS.throughputRatio && 'throughput ratio',
    !(fixed.p99 <= TARGETS.p99AtFixedRateMs) && 'p99 at 1,000 req/s',
    fixed.rps < FIXED_RATE * 0.95 && '1,000 req/s not sustained',
    !(rssMb <= TARGETS.rssMb) && 'RSS',
    [ours, onFile, fixed].some((run) => run.non2xx + run.errors > 0) && 'sandbox errors',
  ].filter(Boolean);
  console.log(missed.length === 0 ? '\n  all targets met' : `\n  targets missed: ${missed.join(', ')}`);
  process.exitCode = missed.length === 0 ? 0 : 1;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
}
