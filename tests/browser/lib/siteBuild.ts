import { execFile } from 'node:child_process';
import { cp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const SITE_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** build/, unless APM_DOCS_BUILD_DIR names another folder (to build beside a checkout's own build/). */
export const BUILD_DIR = process.env.APM_DOCS_BUILD_DIR ?? path.join(SITE_DIR, 'build');

const DOCUSAURUS_BIN = path.join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

/** Everything a build reads besides node_modules: if one of these changed, build/ is stale. */
const BUILD_INPUTS = ['docs', 'src', 'samples', 'static', 'docusaurus.config.ts', 'sidebars.ts', 'package.json', '.browserslistrc'];

/** Tool litter that can appear among the inputs (a sample run's bytecode cache) and never reaches the site. */
const IGNORED_DIRECTORIES = new Set(['node_modules', '__pycache__']);

/**
 * Docusaurus writes its generated route files to `.docusaurus/` by default. tests/site/build.test.ts builds
 * at the same time in the same checkout under `npm test`, so this build keeps its own copy.
 */
const GENERATED_FILES_DIR = 'node_modules/.cache/apm-docs-browser-tests/generated';

/** The copy of build/ the browser suite serves (see `snapshotBuild`). */
const SNAPSHOT_DIR = path.join(SITE_DIR, 'node_modules', '.cache', 'apm-docs-browser-tests', 'site');

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
 * build/ is fresh when it holds a complete build whose oldest file is newer than every input. The oldest
 * output file dates from the start of that build, so an edit made while it ran still counts as newer.
 */
async function isBuildFresh(): Promise<boolean> {
  const outputs = await fileTimes(BUILD_DIR);
  const complete = (await fileTimes(path.join(BUILD_DIR, 'sitemap.xml'))).length === 1;
  if (!complete || outputs.length === 0) return false;
  const inputs = (await Promise.all(BUILD_INPUTS.map((input) => fileTimes(path.join(SITE_DIR, input))))).flat();
  return Math.max(...inputs) < Math.min(...outputs);
}

/** Runs `docusaurus build` into build/; resolves with the wall time in milliseconds. */
export async function buildSite(env: NodeJS.ProcessEnv = {}): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(process.execPath, [DOCUSAURUS_BIN, 'build', '--out-dir', BUILD_DIR], {
    cwd: SITE_DIR,
    env: { ...process.env, DOCUSAURUS_GENERATED_FILES_DIR_NAME: GENERATED_FILES_DIR, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - started;
}

/**
 * Builds the site unless build/ already holds a build of the current sources, then copies build/ aside:
 * a `docusaurus build` started meanwhile (by a developer, or the site bench) empties build/ first, and
 * the suite must not see pages vanish under it. Returns the copy's directory.
 */
export async function freshBuildSnapshot(): Promise<string> {
  if (!(await isBuildFresh())) await buildSite();
  await rm(SNAPSHOT_DIR, { recursive: true, force: true });
  await cp(BUILD_DIR, SNAPSHOT_DIR, { recursive: true });
  if ((await fileTimes(path.join(SNAPSHOT_DIR, 'sitemap.xml'))).length === 0) {
    throw new Error('build/ changed while it was copied (another build running?): run the suite again');
  }
  return SNAPSHOT_DIR;
}
