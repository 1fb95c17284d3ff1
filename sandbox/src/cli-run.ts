import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PROJECT } from './demo.ts';
import { startSandbox, type RunningSandbox } from './index.ts';

export const HELP = `Local ProcessOut-compatible sandbox

Usage: npm run sandbox -- [options]

Options:
  --port N            Port to listen on (default 4010; 0 picks a free one)
  --host HOST         Interface to bind (default 127.0.0.1)
  --db FILE           SQLite database file (default .sandbox/sandbox.db; ":memory:" keeps nothing)
  --webhook-url URL   Project-level webhook endpoint that receives every event
  --pending-delay MS  How long "Pending" payments stay pending (default 5000)
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
  return {
    help: values.help,
    port,
    host: values.host,
    dbPath: values.db === ':memory:' ? values.db : resolve(values.db),
    webhookUrl,
    pendingDelayMs,
  };
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

/** Runs the CLI: prints help (and returns null) or starts the sandbox and prints how to use it. */
export async function runCli(argv: string[], out: CliOutput): Promise<RunningSandbox | null> {
  const options = parseCli(argv);
  if (options.help) {
    out.write(HELP);
    return null;
  }
  const sandbox = await startSandbox({
    port: options.port,
    host: options.host,
    dbPath: options.dbPath,
    webhookUrl: options.webhookUrl,
    pendingDelayMs: options.pendingDelayMs,
    requestLog: batchedWriter(out, (line) => `${new Date().toISOString().slice(11, 23)} ${line}\n`),
  });
  out.write(
    [
      `ProcessOut sandbox listening on ${sandbox.url}`,
      `  database     ${options.dbPath}`,
      `  webhook URL  ${options.webhookUrl ?? '(none; invoices may set webhook_url)'}`,
      '',
      'Demo credentials (sandbox only):',
      `  PROCESSOUT_API_URL=${sandbox.url}`,
      `  PROCESSOUT_PROJECT_ID=${DEMO_PROJECT.id}`,
      `  PROCESSOUT_PROJECT_SECRET=${DEMO_PROJECT.secret}`,
      `  PROCESSOUT_CHECKOUT_URL=${sandbox.url}/checkout`,
      '',
      `Try: curl -u ${DEMO_PROJECT.id}:${DEMO_PROJECT.secret} ${sandbox.url}/`,
      '',
    ].join('\n'),
  );
  return sandbox;
}
