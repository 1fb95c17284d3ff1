// Entry point of `npm run sandbox` (the package's `processout-sandbox` command, bin/processout-sandbox.mjs,
// runs it bundled; `tsx sandbox/src/cli.ts` runs it as it is).
import { CliStartError, CliUsageError, HELP, runCli } from './cli-run.ts';

try {
  const sandbox = await runCli(process.argv.slice(2), process.stdout);
  if (sandbox) {
    const stop = () => void sandbox.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  if (error instanceof CliUsageError) {
    process.stderr.write(`${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  // A start-up problem is one line saying what to do; anything else too, rather than a stack trace.
  process.stderr.write(`${error instanceof CliStartError ? error.message : `The sandbox could not start: ${(error as Error).message}`}\n`);
  process.exit(1);
}
