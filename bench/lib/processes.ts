import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sandboxCliArgv } from '@apm-docs/sandbox/testing';

// Child processes for benchmarks and crash tests: the sandbox CLI (so that a load generator or a
// kill -9 never shares its event loop) and other servers, with their peak memory.

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEPT_OUTPUT = 64 * 1024;

export interface ChildServer {
  url: string;
  pid: number;
  process: ChildProcess;
  /** The last 64 KiB the process printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  /** Stops it (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** Peak resident set size of a running process in KiB (Linux /proc VmHWM), or null elsewhere. */
export function peakRssKb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Resident set size of a running process in KiB (Linux /proc VmRSS), or null elsewhere. */
export function rssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Samples a process's RSS every `intervalMs` until `stop()`, which gives the largest sample in KiB
 * (null where /proc is missing): its memory during a stretch of time, start-up peaks left out.
 */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number | null } {
  let max: number | null = null;
  const sample = () => {
    const kb = rssKb(pid);
    if (kb !== null) max = Math.max(max ?? 0, kb);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return max;
    },
  };
}

/** A free loopback TCP port (for tools that cannot be told to pick one). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** How to tell that a spawned server is up: a line of its output (first group: its URL), or answering a probe URL. */
export type Readiness = { line: RegExp } | { probe: string };

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

export interface SpawnOptions {
  readiness: Readiness;
  /**
   * Write the server's output to this file instead of a pipe. A server that logs every request
   * blocks on a full pipe while the parent is busy generating load; a file never does.
   */
  logFile?: string;
  timeoutMs?: number;
}

/** Spawns a server and resolves once it is ready; rejects if it exits or is not ready in time. */
export function spawnServer(command: string, args: string[], options: SpawnOptions): Promise<ChildServer> {
  const { readiness, logFile, timeoutMs = 60_000 } = options;
  const log = logFile === undefined ? null : openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    stdio: log === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', log, log],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (log !== null) closeSync(log);
  // Recent output only, kept cheaply: a server under load prints a line per request.
  let chunks: string[] = [];
  let kept = 0;
  const output = () => (logFile === undefined ? chunks.join('') : readFileSync(logFile, 'utf8')).slice(-KEPT_OUTPUT);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    let url: string | null = null;
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      // The end of its output says why; a request log before it would bury that.
      reject(new Error(`${command} ${args.join(' ')}: ${why}\n${output().slice(-4096)}`));
    };
    const ready = (readyUrl: string) => {
      if (url !== null) return;
      url = readyUrl;
      clearTimeout(timer);
      resolve({
        url,
        pid: child.pid!,
        process: child,
        output,
        exited,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(forced);
        },
      });
    };
    const collect = (chunk: Buffer) => {
      chunks.push(chunk.toString());
      kept += chunk.length;
      if (kept > 2 * KEPT_OUTPUT) {
        chunks = [output()];
        kept = chunks[0]!.length;
      }
      const match = 'line' in readiness && url === null ? readiness.line.exec(output()) : null;
      if (match) ready(match[1]!);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    void exited.then((code) => url === null && fail(`exited (${code}) before it was ready`));
    if ('probe' in readiness) {
      const poll = async () => {
        while (url === null && child.exitCode === null) {
          if (await answers(readiness.probe)) {
            ready(new URL(readiness.probe).origin);
            return;
          }
          await new Promise((wait) => setTimeout(wait, 250));
        }
      };
      void poll();
    }
  });
}

/**
 * The sandbox as `npm run sandbox` starts it, in its own Node process (tsx loader, no npx wrapper).
 * With `logFile`, its request log goes there (`--port` must then be given: readiness is probed).
 * `nodeArgs` go to Node itself (e.g. `--cpu-prof`).
 */
export async function spawnSandboxCli(args: string[], logFile?: string, nodeArgs: string[] = []): Promise<ChildServer> {
  const cliArgs = [...nodeArgs, ...sandboxCliArgv(), ...args];
  if (logFile === undefined) return spawnServer(process.execPath, cliArgs, { readiness: { line: /listening on (http:\/\/\S+)/ } });
  const port = args[args.indexOf('--port') + 1];
  if (!port || port === '0') throw new Error('spawnSandboxCli with a log file needs --port N');
  return spawnServer(process.execPath, cliArgs, { readiness: { probe: `http://127.0.0.1:${port}/` }, logFile });
}
