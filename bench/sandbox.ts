// `npm run bench:sandbox`: create-invoice throughput and latency of the sandbox against a Prism mock
// of the same OpenAPI, then a fixed 1,000 req/s run, and the sandbox's peak memory.
//
// Every server runs in its own child process (the load generator, autocannon, runs here):
// - the sandbox exactly as `npm run sandbox` starts it, logging one line per request (to a file, as
//   `npm run sandbox > sandbox.log` would: a pipe to this busy process would stall it), stateful:
//   every invoice is written to SQLite. The targets are checked on `--db :memory:`; the same run on
//   a database file (the CLI default; WAL) is shown beside it, since its cost is the disk's;
// - a bare Fastify server (lib/bare-fastify.ts): the ceiling any Fastify app reaches on this machine;
// - Prism (`prism mock`) on a copy of the reference invoices OpenAPI whose string-encoded examples
//   are parsed into objects (see lib/prism-spec.ts), with its logging at "error" so that it is not
//   slowed down by printing. Prism keeps no state: it answers the example.
// Then a CPU profile: a fresh sandbox under `node --cpu-prof` takes the same load for a few seconds,
// and the top items of its busy time are printed (by function, and by the project file or package
// that spent it). `--no-profile` skips that; `--profile-only` runs only that.
// Exits non-zero when a target is missed.
import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { summariseCpuProfile, type ProfileItem } from './lib/cpu-profile.ts';
import { freePort, peakRssKb, REPO_ROOT, sampleRss, spawnSandboxCli, spawnServer, type ChildServer } from './lib/processes.ts';
import { writePrismReadySpec } from './lib/prism-spec.ts';

const REFERENCE_SPEC = join(REPO_ROOT, '../shared/reference/processout/processout-invoices-api-openapi.yml');
const TARGETS = { throughputRatio: 3, p99AtFixedRateMs: 10, rssMb: 150 };
const WARMUP_S = 3;
const THROUGHPUT_S = 10;
const FIXED_RATE = 1_000;
const FIXED_RATE_S = 10;
const CONNECTIONS = 16;
const PROFILE_S = 5;
const PROFILE_TOP = 12;
const { values: flags } = parseArgs({ options: { 'no-profile': { type: 'boolean' }, 'profile-only': { type: 'boolean' } } });

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
  const result = await autocannon({
    url: `${url}${createInvoice.path}`,
    ...createInvoice,
    connections: CONNECTIONS,
    duration: seconds,
    ...options,
  });
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const sandboxCliArgs = async (db: string) => ['--port', String(await freePort()), '--db', db, '--rate-limit', '0'];

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Profiles a fresh :memory: sandbox during a create-invoice load (start-up and warm-up left out) and prints the top items. */
async function profileCreateInvoice(dir: string): Promise<void> {
  const profileDir = join(dir, 'cpu-profile');
  const server = await spawnSandboxCli(await sandboxCliArgs(':memory:'), join(dir, 'profiled.log'), [
    '--cpu-prof',
    `--cpu-prof-dir=${profileDir}`,
  ]);
  let run: Run;
  const window = { fromUs: 0, toUs: 0 };
  try {
    await load(server.url, WARMUP_S);
    window.fromUs = monotonicUs();
    run = await load(server.url, PROFILE_S);
    window.toUs = monotonicUs();
  } finally {
    await server.stop(); // the CLI exits on SIGTERM, and Node writes the profile as it exits
  }
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main one (tsx's loader runs in another).
  const file = readdirSync(profileDir).find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name));
  if (!file) throw new Error(`no main-thread .cpuprofile in ${profileDir}`);
  const summary = summariseCpuProfile(join(profileDir, file), REPO_ROOT, window, PROFILE_TOP);
  const perRequestUs = (summary.busyMs * 1000) / (run.rps * PROFILE_S);
  const show = (title: string, items: ProfileItem[]) => {
    console.log(`\n  ${title}`);
    for (const item of items)
      console.log(`    ${(item.share * 100).toFixed(1).padStart(5)} %  ${item.ms.toFixed(0).padStart(6)} ms  ${item.label}`);
  };
  console.log(
    `\nCPU profile of the sandbox (:memory:) under ${PROFILE_S} s of create-invoice load: ${run.rps.toFixed(0)} req/s (profiler on), ` +
      `${summary.busyMs.toFixed(0)} ms busy, ~${perRequestUs.toFixed(0)} µs of CPU per request`,
  );
  show('self time by function (top items)', summary.functions);
  show('by area (the project file or package up the stack that spent it; built-ins count for their caller)', summary.areas);
}

/** The measured runs and the targets; sets the exit code. */
async function measure(dir: string, servers: ChildServer[]): Promise<void> {
  const spec = join(dir, 'invoices-openapi.json');
  const converted = writePrismReadySpec(REFERENCE_SPEC, spec);
  const prismPort = await freePort();
  const barePort = await freePort();
  const sandboxCli = async (db: string) => spawnSandboxCli(await sandboxCliArgs(db), join(dir, 'sandbox.log'));
  const [sandbox, fileSandbox, prism, bare] = await Promise.all([
    sandboxCli(':memory:'),
    sandboxCli(join(dir, 'bench.db')),
    spawnServer(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'),
        'mock',
        spec,
        '-p',
        String(prismPort),
        '-h',
        '127.0.0.1',
        '-v',
        'error',
      ],
      { readiness: { probe: `http://127.0.0.1:${prismPort}/invoices/iv_probe` }, logFile: join(dir, 'prism.log'), timeoutMs: 120_000 },
    ),
    spawnServer(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench/lib/bare-fastify.ts'), String(barePort)], {
      readiness: { probe: `http://127.0.0.1:${barePort}/` },
      logFile: join(dir, 'bare.log'),
    }),
  ]);
  servers.push(sandbox, fileSandbox, prism, bare);

  for (const server of servers) await load(server.url, WARMUP_S);
  const ours = await load(sandbox.url, THROUGHPUT_S);
  const onFile = await load(fileSandbox.url, THROUGHPUT_S);
  const theirs = await load(prism.url, THROUGHPUT_S);
  const ceiling = await load(bare.url, THROUGHPUT_S);
  const peakAfterMaxMb = (peakRssKb(sandbox.pid) ?? Number.NaN) / 1024;
  // The fixed-rate run gets a fresh sandbox, so that its memory is that of one run at 1,000 req/s.
  const steady = await sandboxCli(':memory:');
  servers.push(steady);
  const atFixedRate = { connections: 10, overallRate: FIXED_RATE };
  await load(steady.url, WARMUP_S, atFixedRate);
  // RSS sampled while it serves 1,000 req/s; the process's all-time peak (start-up included) is shown too.
  const sampling = sampleRss(steady.pid);
  const fixed = await load(steady.url, FIXED_RATE_S, atFixedRate);
  const rssMb = (sampling.stop() ?? Number.NaN) / 1024;
  const lifetimePeakMb = (peakRssKb(steady.pid) ?? Number.NaN) / 1024;

  const ratio = ours.rps / theirs.rps;
  const describe = (run: Run) => `${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`;
  const rows: [string, string][] = [
    ['sandbox (CLI, SQLite :memory:), max throughput', describe(ours)],
    ['sandbox (CLI, SQLite file), max throughput', `${describe(onFile)} (${(onFile.rps / theirs.rps).toFixed(2)}x Prism)`],
    ['Prism mock (stateless), max throughput', describe(theirs)],
    ['bare Fastify (no hooks, no state: the ceiling)', `${describe(ceiling)} (${(ceiling.rps / theirs.rps).toFixed(2)}x Prism)`],
    ['throughput ratio sandbox / Prism', `${ratio.toFixed(2)}x (target >= ${TARGETS.throughputRatio}x)`],
    [
      `sandbox at ${FIXED_RATE} req/s (fresh process)`,
      `${fixed.rps.toFixed(0)} req/s served, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms (target p99 <= ${TARGETS.p99AtFixedRateMs} ms)`,
    ],
    ['sandbox peak RSS during the 1,000 req/s run', `${rssMb.toFixed(0)} MB (target <= ${TARGETS.rssMb} MB; sampled every 100 ms)`],
    ['the same process, peak RSS since it started', `${lifetimePeakMb.toFixed(0)} MB (start-up and warm-up included)`],
    ['sandbox peak RSS after the max-throughput runs', `${peakAfterMaxMb.toFixed(0)} MB (every invoice created so far is kept in memory)`],
    [
      'errors / non-2xx (memory, file, Prism, bare, fixed rate)',
      [ours, onFile, theirs, ceiling, fixed].map((run) => run.errors + run.non2xx).join(', '),
    ],
  ];
  console.log(
    `\nCreate-invoice benchmark (${CONNECTIONS} connections, ${THROUGHPUT_S} s per run; Prism spec: ${converted} string examples parsed)\n`,
  );
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
}

const dir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
const servers: ChildServer[] = [];
try {
  if (!flags['profile-only']) await measure(dir, servers);
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  if (!flags['no-profile']) await profileCreateInvoice(dir);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
}
