// Entry point of `npm run sandbox`.
import { CliUsageError, HELP, runCli } from './cli-run.ts';

try {
  const sandbox = await runCli(process.argv.slice(2), process.stdout);
  if (sandbox) {
    const stop = () => void sandbox.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  if (!(error instanceof CliUsageError)) throw error;
  process.stderr.write(`${error.message}\n\n${HELP}`);
  process.exit(2);
}
