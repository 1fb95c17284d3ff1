// Runs a sample the way a reader runs it after copying it from the page: the file alone in a fresh
// folder outside this repository, the command its header gives typed into bash, and only the
// environment the Set up page exports. Nothing of this repository's package.json ("type": "module"),
// tsconfig or node_modules is in reach: that is what hid top-level await from the in-repo runs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SampleFile } from '../../../src/sample-files/index.ts';
import { runCommandOf } from '../../../src/sample-files/starter.ts';
import { REPO_ROOT } from './discover.ts';
import { DOCUMENTED_SANDBOX_URL } from './responses.ts';
import { run, type RunResult } from './run.ts';

const SET_UP_PAGE = path.join(REPO_ROOT, 'docs/set-up-your-environment.mdx');

/** The command the file's header gives after "Run it with:" (src/sample-files/starter.ts holds the rule). */
export function readerCommand(file: SampleFile): string {
  const command = runCommandOf(file.language, path.basename(file.path), readFileSync(file.path, 'utf8'));
  if (command === null) throw new Error(`${file.relativePath}: its header gives no "Run it with:" command`);
  return command;
}

/**
 * The variables the Set up page tells a reader to export (the first `export NAME=value` of each name),
 * with the local sandbox's documented address replaced by the one the suite started.
 */
export function setUpPageEnvironment(sandboxUrl: string): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [, name, value] of readFileSync(SET_UP_PAGE, 'utf8').matchAll(/^export ([A-Z][A-Z0-9_]*)=(\S+)$/gm)) {
    if (name && value && !(name in environment)) environment[name] = value.split(DOCUMENTED_SANDBOX_URL).join(sandboxUrl);
  }
  return environment;
}

/** What the reader's machine provides, not this repository: TLS trust and proxy settings, locale. */
const MACHINE_SETTINGS = /^(LANG|LC_ALL|TZ|https?_proxy|no_proxy|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/i;

export interface ReaderMachine {
  /** The environment of the reader's terminal, before they export anything. */
  environment: Record<string, string>;
  /** Removes the reader's home (and its npm cache). */
  dispose(): void;
}

/** No package.json or node_modules above the folder a sample is copied to, or npx would find them. */
function assertNoProjectAbove(folder: string): void {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    for (const name of ['package.json', 'node_modules']) {
      if (existsSync(path.join(dir, name)))
        throw new Error(`${path.join(dir, name)} exists: a sample copied under ${folder} would not be alone`);
    }
    if (path.dirname(dir) === dir) return;
  }
}

/**
 * A reader's machine: a fresh HOME, PATH without any node_modules/.bin (vitest's PATH has this
 * repository's, whose tsx would hide what a reader's npx does), and an npm cache that already holds
 * tsx, as after the reader's first `npx tsx …`. The cache is warmed here once rather than a tsx put on
 * PATH, so every run still goes through npx's own resolution (project, then global, then its cache),
 * and tsx is the latest from the registry, as a reader gets it. prefer-offline only spares each run the
 * registry's "is there a newer tsx" round trip.
 */
export async function prepareReaderMachine(): Promise<ReaderMachine> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'reader-home-'));
  assertNoProjectAbove(home);
  const machine = Object.fromEntries(Object.entries(process.env).filter(([name]) => MACHINE_SETTINGS.test(name))) as Record<string, string>;
  const environment = {
    ...machine,
    HOME: home,
    PATH: (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((entry) => entry !== '' && !entry.split(path.sep).includes('node_modules') && !entry.startsWith(REPO_ROOT))
      .join(path.delimiter),
    npm_config_update_notifier: 'false',
    npm_config_prefer_offline: 'true',
  };
  const warmFolder = path.join(home, 'first-run');
  mkdirSync(warmFolder);
  const warmed = await run('npx', ['--yes', 'tsx', '--version'], { cwd: warmFolder, env: environment, timeoutMs: 240_000 });
  if (warmed.exitCode !== 0) throw new Error(`npx --yes tsx --version failed:\n${warmed.stdout}\n${warmed.stderr}`);
  return { environment, dispose: () => rmSync(home, { recursive: true, force: true }) };
}

/** A fresh empty folder outside the repository holding only a copy of the sample. */
function copyAlone(file: SampleFile): { folder: string; remove(): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), `reader-${path.basename(file.path)}-`));
  assertNoProjectAbove(folder);
  copyFileSync(file.path, path.join(folder, path.basename(file.path)));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Runs the sample with its header's command in bash, as typed in a terminal. */
export async function runAsReader(file: SampleFile, environment: Record<string, string>): Promise<RunResult> {
  const copy = copyAlone(file);
  try {
    return await run('bash', ['-c', readerCommand(file)], { cwd: copy.folder, env: environment, timeoutMs: 60_000 });
  } finally {
    copy.remove();
  }
}

export interface ReaderServer {
  /** The address the server printed when it started listening. */
  url: string;
  /** Resolves with the first stdout line (printed or to come) that matches. */
  waitForLine(matches: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a server sample with its header's command; resolves once it prints `listening` (group 1: its URL). */
export async function startAsReader(file: SampleFile, environment: Record<string, string>, listening: RegExp): Promise<ReaderServer> {
  const copy = copyAlone(file);
  // Its own process group: stop() ends bash, npx and the server it started, and nothing else.
  const child = spawn('bash', ['-c', readerCommand(file)], {
    cwd: copy.folder,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file.relativePath} did not start listening:\n${output}`)), 60_000);
    const read = (line: string) => {
      output += `${line}\n`;
      const match = listening.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      read(line);
    });
    createInterface({ input: child.stderr }).on('line', read);
    child.on('exit', (code) => reject(new Error(`${file.relativePath} exited (${code}) before listening:\n${output}`)));
  });
  return {
    url,
    async waitForLine(matches, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = lines.find(matches);
        if (line !== undefined) return line;
        if (Date.now() > deadline) throw new Error(`No matching line from ${file.relativePath}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        const exited = once(child, 'exit');
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      copy.remove();
    },
  };
}
