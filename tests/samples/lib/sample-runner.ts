import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { SampleFile, SampleLanguageValue as Language } from '../../../src/sample-files/index.ts';
import { REPO_ROOT } from './discover.ts';
import { run, type RunResult } from './run.ts';
import type { Tool } from './tools.ts';

/** The credentials and API address every API sample reads, plus the sample's own inputs (INVOICE_ID…). */
export type SampleEnvironment = {
  PROCESSOUT_PROJECT_ID: string;
  PROCESSOUT_PROJECT_SECRET: string;
  PROCESSOUT_API_URL: string;
} & Readonly<Record<string, string>>;

/** The system tools running a sample needs (TypeScript runs on this Node with tsx). */
export const RUN_TOOLS: Partial<Record<Language, readonly Tool[]>> = {
  curl: ['bash', 'curl'],
  typescript: [],
};

/** The command an integrator types, minus npx's start-up cost: `npx tsx file.ts` or `bash file.sh`. */
function commandFor(file: SampleFile): [string, string[]] {
  switch (file.language) {
    case 'typescript':
      return [process.execPath, ['--import', 'tsx', file.path]];
    case 'curl':
      return ['bash', [file.path]];
    default:
      throw new Error(`${file.relativePath}: the suite cannot run ${file.language} samples`);
  }
}

/** Runs a curl or TypeScript sample the way the page tells an integrator to, with the given environment. */
export function runSample(file: SampleFile, environment: SampleEnvironment): Promise<RunResult> {
  const [command, args] = commandFor(file);
  return run(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...environment }, timeoutMs: 30_000 });
}

/** Parses a sample's stdout as JSON, with the output in the message when it is not JSON. */
export function parseJsonOutput(result: RunResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`The sample did not print JSON.\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

export interface RunningServerSample {
  /** The address the server printed when it started listening. */
  url: string;
  /** Lines printed on stdout so far. */
  readonly stdoutLines: readonly string[];
  /** Everything printed on stderr so far. */
  stderr(): string;
  /** Resolves with the first stdout line (already printed or to come) that matches. */
  waitForLine(matches: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts a server sample (PORT=0: a free port) and resolves once it prints the URL it listens on,
 * matched by `listening` (first capture group) on stdout or stderr.
 */
export async function startServerSample(
  file: SampleFile,
  environment: SampleEnvironment,
  listening: RegExp,
  startTimeoutMs = 20_000,
): Promise<RunningServerSample> {
  const [command, args] = commandFor(file);
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdoutLines: string[] = [];
  const lineWaiters = new Set<() => void>();
  let stderr = '';
  let url: string | undefined;
  let resolveStarted: (url: string) => void = () => undefined;
  let rejectStarted: (error: Error) => void = () => undefined;
  const started = new Promise<string>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });

  const readLine = (line: string) => {
    const match = url === undefined ? listening.exec(line) : null;
    if (match?.[1]) {
      url = match[1];
      resolveStarted(url);
    }
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdoutLines.push(line);
    readLine(line);
    for (const wake of lineWaiters) wake();
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += `${line}\n`;
    readLine(line);
  });
  child.on('exit', (code) => rejectStarted(new Error(`${file.relativePath} exited (${code}) before listening:\n${stderr}`)));
  const timer = setTimeout(() => rejectStarted(new Error(`${file.relativePath} did not start listening:\n${stderr}`)), startTimeoutMs);

  try {
    await started;
  } catch (error) {
    child.kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  return {
    url: url!,
    stdoutLines,
    stderr: () => stderr,
    waitForLine(matches, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = stdoutLines.find(matches);
          if (line === undefined) return;
          cleanup();
          resolve(line);
        };
        const timeout = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `No matching line from ${file.relativePath} within ${timeoutMs} ms.\nstdout:\n${stdoutLines.join('\n')}\nstderr:\n${stderr}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timeout);
          lineWaiters.delete(check);
        };
        lineWaiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
