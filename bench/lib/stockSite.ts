/**
 * A stock Docusaurus classic site, the reference the site bench compares page weights with: the official
 * template of the Docusaurus version this site uses (`npm pack create-docusaurus@<version>`, the npm
 * registry only), built with this checkout's node_modules, untouched otherwise.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { SITE_DIR } from '../../tests/browser/lib/siteBuild';

const run = promisify(execFile);

export interface StockSite {
  readonly version: string;
  readonly buildDir: string;
  /** The template's docs page the comparison uses. */
  readonly route: string;
}

/** Builds the stock site under `workDir`; resolves with its build, or rejects when npm or the build fails. */
export async function buildStockSite(workDir: string): Promise<StockSite> {
  const corePackage = JSON.parse(await readFile(path.join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'package.json'), 'utf8')) as {
    version: string;
  };
  const version = corePackage.version;
  await mkdir(workDir, { recursive: true });
  const { stdout } = await run('npm', ['pack', `create-docusaurus@${version}`, '--pack-destination', workDir, '--silent'], {
    cwd: workDir,
    timeout: 120_000,
  });
  const tarball = path.join(workDir, stdout.trim().split('\n').at(-1) ?? '');
  await run('tar', ['xzf', tarball, '-C', workDir]);
  const templates = path.join(workDir, 'package', 'templates');
  const siteDir = path.join(workDir, 'site');
  // What `create-docusaurus` does for the classic template: the shared files, then the classic ones.
  await cp(path.join(templates, 'shared'), siteDir, { recursive: true });
  await cp(path.join(templates, 'classic'), siteDir, { recursive: true });
  // Every package of this checkout, linked one by one: the stock build keeps its caches to itself.
  await mkdir(path.join(siteDir, 'node_modules'), { recursive: true });
  for (const entry of await readdir(path.join(SITE_DIR, 'node_modules'))) {
    if (entry === '.cache') continue;
    await symlink(path.join(SITE_DIR, 'node_modules', entry), path.join(siteDir, 'node_modules', entry));
  }
  const buildDir = path.join(workDir, 'build');
  await run(
    process.execPath,
    [path.join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build', '--out-dir', buildDir],
    {
      cwd: siteDir,
      env: { ...process.env, DOCUSAURUS_GENERATED_FILES_DIR_NAME: undefined },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { version, buildDir, route: '/docs/intro' };
}
