import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';

export const SITE_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** build/, unless APM_DOCS_BUILD_DIR names another folder (to build beside a checkout's own build/). */
export const BUILD_DIR = process.env.APM_DOCS_BUILD_DIR ?? path.join(SITE_DIR, 'build');

const DOCUSAURUS_BIN = path.join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

/** Everything a build reads besides node_modules: if one of these changed, a build is stale. */
const BUILD_INPUTS = ['docs', 'src', 'samples', 'static', 'docusaurus.config.ts', 'sidebars.ts', 'package.json', '.browserslistrc'];

/** Tool litter that can appear among the inputs (a sample run's bytecode cache) and never reaches the site. */
const IGNORED_DIRECTORIES = new Set(['node_modules', '__pycache__']);

/** The test suite's own builds, its generated route files and its lock: apart from build/ and .docusaurus/. */
const SUITE_DIR = path.join(SITE_DIR, 'node_modules', '.cache', 'apm-docs-suite-build');
/** Which build under SUITE_DIR is current, and the run that made or last reused it. */
const SUITE_STAMP = path.join(SUITE_DIR, 'stamp.json');
const SUITE_LOCK = path.join(SUITE_DIR, 'lock');
/** Relative to the site directory, as Docusaurus reads it. */
const SUITE_GENERATED_FILES_DIR = path.relative(SITE_DIR, path.join(SUITE_DIR, 'generated'));

/** The public URL the suite's build is made for: the dev server's, the config's default. */
export const SUITE_SITE_URL = 'http://127.0.0.1:3000';

/** Modification times of every file under `target` (a file or a directory); none if it does not exist. */
async function fileTimes(target: string): Promise<number[]> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return [];
  }
  if (!info.isDirectory()) return [info.mtimeMs];
  const entries = await readdir(target, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !(entry.isDirectory() && (IGNORED_DIRECTORIES.has(entry.name) || entry.name.startsWith('.'))))
      .map((entry) => fileTimes(path.join(target, entry.name))),
  );
  return nested.flat();
}

/**
 * A build is fresh when it is complete and its oldest file is newer than every input. The oldest output
 * file dates from the start of that build, so an edit made while it ran still counts as newer.
 */
async function isBuildFresh(outDir: string): Promise<boolean> {
  const outputs = await fileTimes(outDir);
  const complete = (await fileTimes(path.join(outDir, 'sitemap.xml'))).length === 1;
  if (!complete || outputs.length === 0) return false;
  const inputs = (await Promise.all(BUILD_INPUTS.map((input) => fileTimes(path.join(SITE_DIR, input))))).flat();
  return Math.max(...inputs) < Math.min(...outputs);
}

/** Runs `docusaurus build` into `outDir` (build/ by default); resolves with the wall time in milliseconds. */
export async function buildSite(env: NodeJS.ProcessEnv = {}, outDir = BUILD_DIR): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(process.execPath, [DOCUSAURUS_BIN, 'build', '--out-dir', outDir], {
    cwd: SITE_DIR,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - started;
}

/** Whether process `pid` still runs (a lock left by a killed run must not block the next one). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Holds the suite build's lock while `work` runs: test files run in parallel processes. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(SUITE_DIR, { recursive: true });
  for (;;) {
    try {
      await mkdir(SUITE_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path.join(SUITE_LOCK, 'pid'), 'utf8').catch(() => 'NaN'));
      // No pid yet: the holder is between mkdir and writeFile, or died there; a dead holder's lock goes.
      if (Number.isInteger(holder) && !isRunning(holder)) await rm(SUITE_LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    await writeFile(path.join(SUITE_LOCK, 'pid'), String(process.pid));
    return await work();
  } finally {
    await rm(SUITE_LOCK, { recursive: true, force: true });
  }
}

interface Stamp {
  readonly run?: string;
  /** The current build's folder name under SUITE_DIR. */
  readonly build?: string;
}

/**
 * The production build every suite of one `vitest run` shares: the first caller builds into a folder of
 * the suite's own (a `docusaurus build` of build/ by a developer or the bench cannot empty it mid-run),
 * later callers of the same run wait for it and reuse it; a later run reuses it while no input changed.
 * Each build gets a new folder, and a new build deletes only the ones before the previous, so a run still
 * serving the previous one (another terminal's) keeps its files. Built for SUITE_SITE_URL at `/`, whatever
 * the environment says. Returns the build's directory.
 */
export async function suiteBuild(): Promise<string> {
  const run = inject('siteBuildRun');
  return withBuildLock(async () => {
    const stamp = JSON.parse(await readFile(SUITE_STAMP, 'utf8').catch(() => '{}')) as Stamp;
    const current = stamp.build === undefined ? undefined : path.join(SUITE_DIR, stamp.build);
    if (current && (stamp.run === run || (await isBuildFresh(current)))) {
      await writeFile(SUITE_STAMP, JSON.stringify({ run, build: stamp.build }));
      return current;
    }
    const build = `site-${randomUUID()}`;
    await buildSite(
      { DOCS_SITE_URL: SUITE_SITE_URL, DOCS_BASE_URL: '/', DOCUSAURUS_GENERATED_FILES_DIR_NAME: SUITE_GENERATED_FILES_DIR },
      path.join(SUITE_DIR, build),
    );
    await writeFile(SUITE_STAMP, JSON.stringify({ run, build }));
    const kept = new Set([build, stamp.build]);
    const stale = (await readdir(SUITE_DIR)).filter((entry) => entry.startsWith('site') && !kept.has(entry));
    await Promise.all(stale.map((entry) => rm(path.join(SUITE_DIR, entry), { recursive: true, force: true })));
    return path.join(SUITE_DIR, build);
  });
}
