import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PROJECT } from './demo.ts';
import { startSandbox, type RunningSandbox } from './index.ts';
import { parsePublicUrl } from './lib/public-url.ts';
import { parseSiteOrigin } from './config.ts';

export const HELP = `Local ProcessOut-compatible sandbox

Usage: npm run sandbox -- [options]

Options:
  --port N            Port to listen on (default 4010; 0 picks a free one)
  --host HOST         Interface to bind (default 127.0.0.1)
  --db FILE           SQLite database file (default .sandbox/sandbox.db; ":memory:" keeps nothing)
  --webhook-url URL   Project-level webhook endpoint that receives every event
  --pending-delay MS  How long "Pending" payments stay pending (default 5000)
  --https             Serve HTTPS with a local certificate made at first start (kept beside --db, in tls/)
  --public-url URL    Origin used in links the API returns (default: the scheme and host each request used)
  --rate-limit RPM    Requests per minute per project before HTTP 429 (default 3000, the documented limit; 0 turns the 429 off)
  --site-origin URL   Origin of a docs site whose "Try it" buttons may call this sandbox (repeatable; npm run sandbox passes the site's)
  --help              Show this help
`;

export class CliUsageError extends Error {}

export interface CliOutput {
  write(text: string): void;
}

function parseCli(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: '.sandbox/sandbox.db' },
        'webhook-url': { type: 'string' },
        'pending-delay': { type: 'string', default: '5000' },
        https: { type: 'boolean', default: false },
        'public-url': { type: 'string' },
        'rate-limit': { type: 'string', default: '3000' },
        'site-origin': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const port = Number(values.port);
  const pendingDelayMs = Number(values['pending-delay']);
  const webhookUrl = values['webhook-url'];
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be 0–65535, got ${values.port}`);
  if (!Number.isFinite(pendingDelayMs) || pendingDelayMs < 0) throw new CliUsageError('--pending-delay must be a number of ms');
  if (webhookUrl !== undefined && !/^https?:\/\/\S+$/.test(webhookUrl)) throw new CliUsageError('--webhook-url must be an http(s) URL');
  const rateLimitPerMinute = Number(values['rate-limit']);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0)
    throw new CliUsageError('--rate-limit must be a whole number of requests per minute (0: no 429)');
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined) {
    try {
      parsePublicUrl(publicUrl);
    } catch (error) {
      throw new CliUsageError(`--public-url: ${(error as Error).message}`);
    }
  }
  let siteOrigins: string[];
  try {
    siteOrigins = values['site-origin'].map(parseSiteOrigin);
  } catch (error) {
    throw new CliUsageError(`--site-origin: ${(error as Error).message}`);
  }
  return {
    help: values.help,
    port,
    host: values.host,
    dbPath: values.db === ':memory:' ? values.db : resolve(values.db),
    webhookUrl,
    pendingDelayMs,
    https: values.https,
    publicUrl,
    siteOrigins,
    rateLimit: rateLimitPerMinute === 0 ? { enforce: false } : { perMinute: rateLimitPerMinute, enforce: true },
  };
}

type CliOptions = ReturnType<typeof parseCli>;

/** A start-up failure the user can fix (busy port, bad database path): one line, exit code 1. */
export class CliStartError extends Error {}

// EEXIST/ENOTDIR: a file stands where the database's folder should be.
const UNWRITABLE = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
  'ENOSPC',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_PERM',
]);

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What to tell the user when the sandbox does not start: what went wrong and what to do. */
export function startErrorMessage(error: Error & { code?: string; syscall?: string; path?: string }, options: CliOptions): string {
  const where = `${options.host}:${options.port}`;
  if (error.syscall === 'listen' || error.code === 'EADDRINUSE' || error.code === 'EADDRNOTAVAIL') {
    if (error.code === 'EADDRINUSE') {
      return `Port ${options.port} on ${options.host} is already in use (is another sandbox running, e.g. npm start?): stop it, or pick another port with --port N (0 picks a free one).`;
    }
    if (error.code === 'EADDRNOTAVAIL')
      return `Cannot listen on ${where}: ${options.host} is not an address of this machine; use --host 127.0.0.1.`;
    if (error.code === 'EACCES') return `Not allowed to listen on ${where}: use a port above 1023 with --port N.`;
    return `Cannot listen on ${where} (${error.code ?? error.message}): pick another --port or --host.`;
  }
  const db = options.dbPath;
  if (db !== ':memory:' && isFolder(db)) return `--db ${db} is a folder: give a file path, e.g. --db ${db}/sandbox.db.`;
  if (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT') {
    return `${db} is not a sandbox database (corrupt, or another kind of file): move it away or delete it to start afresh, or pick another file with --db FILE.`;
  }
  if (UNWRITABLE.has(error.code ?? '')) {
    const path = error.path ?? db;
    return `Cannot write ${path} (${error.code}): pick a writable location with --db FILE, or --db :memory: to keep nothing.`;
  }
  return `The sandbox could not start: ${error.message.split('\n')[0]}`;
}

/**
 * Request log lines are written once per event-loop turn: under load, one write per request (stdout
 * writes are synchronous) cost as much as a tenth of a request.
 */
function batchedWriter(out: CliOutput, format: (line: string) => string): (line: string) => void {
  let pending = '';
  return (line) => {
    if (pending === '') {
      setImmediate(() => {
        const text = pending;
        pending = '';
        out.write(text);
      });
    }
    pending += format(line);
  };
}

let loggedMs = -1;
let loggedTime = '';
/** The time of day a log line shows (HH:MM:SS.mmm), formatted once per millisecond: many lines share one. */
function timeOfDay(): string {
  const now = Date.now();
  if (now !== loggedMs) {
    loggedMs = now;
    loggedTime = new Date(now).toISOString().slice(11, 23);
  }
  return loggedTime;
}

/** Runs the CLI: prints help (and returns null) or starts the sandbox and prints how to use it. */
export async function runCli(argv: string[], out: CliOutput): Promise<RunningSandbox | null> {
  const options = parseCli(argv);
  if (options.help) {
    out.write(HELP);
    return null;
  }
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox({
      port: options.port,
      host: options.host,
      dbPath: options.dbPath,
      webhookUrl: options.webhookUrl,
      pendingDelayMs: options.pendingDelayMs,
      https: options.https,
      publicUrl: options.publicUrl,
      rateLimit: options.rateLimit,
      siteOrigins: options.siteOrigins,
      requestLog: batchedWriter(out, (line) => `${timeOfDay()} ${line}\n`),
    });
  } catch (error) {
    throw new CliStartError(startErrorMessage(error as Error, options), { cause: error });
  }
  const apiUrl = options.publicUrl?.replace(/\/$/, '') ?? sandbox.url;
  const trust = sandbox.caFile
    ? [
        '',
        `HTTPS certificate: trust the local CA ${sandbox.caFile}`,
        `  Ruby (SDK, Net::HTTP)  SSL_CERT_FILE=${sandbox.caFile}`,
        `  Node                   NODE_EXTRA_CA_CERTS=${sandbox.caFile}`,
        `  curl                   curl --cacert ${sandbox.caFile} …`,
      ]
    : [];
  out.write(
    [
      `ProcessOut sandbox listening on ${sandbox.url}`,
      `  dashboard    ${apiUrl}/dashboard (sign in with the demo project ID and secret below)`,
      `  database     ${options.dbPath}`,
      `  webhook URL  ${sandbox.store.projectWebhookUrl(DEMO_PROJECT.id) ?? '(none: set one on the dashboard or with --webhook-url; invoices may set webhook_url)'}`,
      ...(options.publicUrl ? [`  public URL   ${apiUrl}`] : []),
      ...trust,
      '',
      'Demo credentials (sandbox only):',
      `  PROCESSOUT_API_URL=${apiUrl}`,
      `  PROCESSOUT_PROJECT_ID=${DEMO_PROJECT.id}`,
      `  PROCESSOUT_PROJECT_SECRET=${DEMO_PROJECT.secret}`,
      `  PROCESSOUT_CHECKOUT_URL=${apiUrl}/checkout`,
      '',
      `Try: curl${sandbox.caFile ? ` --cacert ${sandbox.caFile}` : ''} -u ${DEMO_PROJECT.id}:${DEMO_PROJECT.secret} ${sandbox.url}/`,
      '',
    ].join('\n'),
  );
  return sandbox;
}
