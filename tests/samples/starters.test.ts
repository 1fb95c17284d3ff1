// The starter projects the site offers under each tab (src/sample-files/starter.ts, zipped by
// src/plugins/starters.ts): the TypeScript one is unzipped into an empty folder outside the repository,
// installed from the npm registry and run with its README's commands against an in-process sandbox; the
// other manifests are read back with their language's own tools; every pinned version is the one the
// SDK facts in ../shared/reference/sdk/ were recorded from.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@apm-docs/sandbox';
import { LOCAL_SANDBOX_VALUES, starterZip } from '../../src/plugins/starters.ts';
import type { SampleFile, SampleLanguageValue } from '../../src/sample-files/index.ts';
import { environmentVariablesOf, starterFolderName } from '../../src/sample-files/starter.ts';
import { SDK_VERSIONS, TYPESCRIPT_DEV_DEPENDENCIES } from '../../src/sample-files/sdkVersions.ts';
import { SAMPLE_EXPECTATIONS } from './expectations.ts';
import { discoverSamples, findSampleFile, REPO_ROOT } from './lib/discover.ts';
import { run, type RunResult } from './lib/run.ts';
import { requireTool, type Tool } from './lib/tools.ts';

const SDK_REFERENCE = path.join(REPO_ROOT, '..', 'shared', 'reference', 'sdk', 'README.md');
const folders = discoverSamples();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'starters-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A starter's files, by path inside its folder, as the site's zip holds them. */
async function unzippedStarter(sampleName: string, file: SampleFile): Promise<Record<string, string> | null> {
  const zip = await starterZip(sampleName, file);
  if (zip === null) return null;
  const folder = `${starterFolderName(sampleName, file.language)}/`;
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(unzipSync(zip))) {
    expect(name.startsWith(folder), `${name} is inside ${folder}`).toBe(true);
    files[name.slice(folder.length)] = strFromU8(content);
  }
  return files;
}

/** Writes a starter into a new empty folder outside the repository. */
function writeStarter(files: Record<string, string>, name: string): string {
  const dir = mkdtempSync(path.join(scratch, `${name}-`));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** The README's step `n` ("1. Install: …"), after its label. */
function readmeStep(readme: string, step: 1 | 2 | 3): string {
  const line = readme.split('\n').find((candidate) => candidate.startsWith(`${step}. `));
  if (!line) throw new Error(`the README has no step ${step}:\n${readme}`);
  return line.replace(/^\d\. [A-Za-z ]+: /, '');
}

const output = (result: RunResult) => `${result.stdout}\n${result.stderr}`;

describe('SDK versions', () => {
  it('pins in every starter (and names in every badge) the versions the SDK facts were recorded from', () => {
    const rows = new Map(
      readFileSync(SDK_REFERENCE, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('| '))
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .map(([, sdk, version]) => [sdk, version] as const),
    );
    for (const { sdk, version } of Object.values(SDK_VERSIONS)) expect(rows.get(sdk), sdk).toBe(version);
  });

  it("pins tsx, typescript and @types/node at what this repository's lockfile resolves", () => {
    const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    for (const [name, version] of Object.entries(TYPESCRIPT_DEV_DEPENDENCIES))
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
  });
});

describe.each(folders.map((folder) => [folder.name, folder] as const))('starters of samples/%s', (name, folder) => {
  it.each(folder.files.map((file) => [file.language, file] as const))(
    '%s: the file as committed, its variables and a three-line README',
    async (_language, file) => {
      const source = readFileSync(file.path, 'utf8');
      const starter = await unzippedStarter(name, file);
      if (SAMPLE_EXPECTATIONS[name]?.kind === 'browser-module') {
        // A module to bundle into a web page, not a program: no project to run.
        expect(starter).toBeNull();
        return;
      }
      expect(starter).not.toBeNull();
      if (!starter) return;
      expect(starter[path.basename(file.path)]).toBe(source);
      const variables = (starter['.env.example'] ?? '')
        .trimEnd()
        .split('\n')
        .map((line) => line.replace(/^# /, '').split('=')[0]);
      expect(variables).toEqual(environmentVariablesOf(file.language, source));
      // Every variable the suite gives the sample when it runs it.
      for (const variable of SAMPLE_EXPECTATIONS[name]?.env ?? []) expect(variables).toContain(variable);
      expect(starter['README.md']?.trimEnd().split('\n')).toHaveLength(3);
    },
  );
});

/** Runs one of a language's tools in a starter's folder, with its usual requirement. */
async function inStarter(context: { skip: (note?: string) => never }, tool: Tool, dir: string, args: string[]): Promise<RunResult> {
  requireTool(context, tool);
  const result = await run(tool, args, { cwd: dir });
  expect(result.exitCode, output(result)).toBe(0);
  return result;
}

const PYTHON_REQUIREMENTS = [
  'import json',
  'try:',
  '    from packaging.requirements import Requirement',
  "except ImportError:  # pip's own copy",
  '    from pip._vendor.packaging.requirements import Requirement',
  "lines = open('requirements.txt').read().splitlines()",
  'print(json.dumps([[r.name, str(r.specifier)] for r in map(Requirement, lines)]))',
].join('\n');

// Evaluates the Gemfile with Bundler's two DSL words it uses, and prints its gems.
const RUBY_GEMFILE = [
  'require "json"',
  'gems = []',
  'dsl = Object.new',
  'dsl.define_singleton_method(:source) { |_url| }',
  'dsl.define_singleton_method(:gem) { |name, *requirements| gems << [name, *requirements] }',
  'dsl.instance_eval(File.read("Gemfile"), "Gemfile")',
  'puts JSON.generate(gems)',
].join('\n');

type ManifestCheck = (context: { skip: (note?: string) => never }, dir: string, sampleName: string) => Promise<void>;

const MANIFEST_CHECKS: Partial<Record<SampleLanguageValue, ManifestCheck>> = {
  async go(context, dir, sampleName) {
    const mod = JSON.parse((await inStarter(context, 'go', dir, ['mod', 'edit', '-json'])).stdout) as {
      Module: { Path: string };
      Go: string;
      Require: { Path: string; Version: string }[];
    };
    expect(mod.Module.Path).toBe(`example.com/${sampleName}`);
    expect(mod.Go).toMatch(/^1\.\d+$/);
    expect(mod.Require).toEqual([{ Path: SDK_VERSIONS.go.package, Version: SDK_VERSIONS.go.version }]);
  },
  async php(context, dir) {
    const script = '$c = json_decode(file_get_contents("composer.json"), flags: JSON_THROW_ON_ERROR); echo json_encode($c->require);';
    expect(JSON.parse((await inStarter(context, 'php', dir, ['-r', script])).stdout)).toEqual({
      [SDK_VERSIONS.php.package]: SDK_VERSIONS.php.version,
    });
  },
  async ruby(context, dir) {
    expect((await inStarter(context, 'ruby', dir, ['-wc', 'Gemfile'])).stdout.trim()).toBe('Syntax OK');
    expect(JSON.parse((await inStarter(context, 'ruby', dir, ['-e', RUBY_GEMFILE])).stdout)).toEqual([
      [SDK_VERSIONS.ruby.package, SDK_VERSIONS.ruby.version],
    ]);
  },
  async python(context, dir) {
    expect(JSON.parse((await inStarter(context, 'python3', dir, ['-c', PYTHON_REQUIREMENTS])).stdout)).toEqual([
      [SDK_VERSIONS.python.package, `==${SDK_VERSIONS.python.version}`],
    ]);
  },
  async curl(context, dir) {
    await inStarter(context, 'bash', dir, ['-n', ...readdirSync(dir).filter((file) => file.endsWith('.sh'))]);
  },
};

describe.each(Object.entries(MANIFEST_CHECKS) as [SampleLanguageValue, ManifestCheck][])('%s starters', (language, check) => {
  const files = folders.flatMap((folder) =>
    folder.files.filter((file) => file.language === language).map((file) => [folder.name, file] as const),
  );
  it.for(files)("%s: its manifest reads back, with the SDK pinned, in the language's own tool", async ([sampleName, file], context) => {
    const starter = await unzippedStarter(sampleName, file);
    expect(starter).not.toBeNull();
    if (starter) await check(context, writeStarter(starter, sampleName), sampleName);
  });
});

describe('the TypeScript starter, from an empty folder', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, dbPath: ':memory:' });
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before starting it
    await sandbox?.close();
  });

  it("installs from the npm registry and creates the invoice with its README's commands", { timeout: 300_000 }, async () => {
    const file = findSampleFile('create-invoice', 'typescript');
    const starter = await unzippedStarter('create-invoice', file);
    if (!starter) throw new Error('create-invoice.ts has no starter');
    const dir = writeStarter(starter, 'create-invoice-typescript');
    const readme = starter['README.md'] ?? '';
    // Nothing from this repository: a reader's PATH and HOME, no NODE_OPTIONS, no node_modules above.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() };

    const install = await run('bash', ['-c', readmeStep(readme, 1)], { cwd: dir, env, timeoutMs: 240_000 });
    expect(install.exitCode, output(install)).toBe(0);

    // The installed project typechecks the file with its own tsconfig.json and types.
    const typecheck = await run('bash', ['-c', 'npx tsc --noEmit -p .'], { cwd: dir, env, timeoutMs: 120_000 });
    expect(typecheck.exitCode, output(typecheck)).toBe(0);

    // Step 2 as a reader does it: copy .env.example to .env and point it at the sandbox.
    const dotEnv = (starter['.env.example'] ?? '').replace(
      `PROCESSOUT_API_URL=${LOCAL_SANDBOX_VALUES.PROCESSOUT_API_URL}`,
      `PROCESSOUT_API_URL=${sandbox.url}`,
    );
    writeFileSync(path.join(dir, '.env'), dotEnv);
    const setEnvironment = readmeStep(readme, 2).replace(/^.*then: /, '');
    const result = await run('bash', ['-c', `${setEnvironment} && ${readmeStep(readme, 3)}`], { cwd: dir, env, timeoutMs: 60_000 });
    expect(result.exitCode, output(result)).toBe(0);
    const invoice = JSON.parse(result.stdout) as { id: string };
    expect(invoice).toMatchObject({ id: expect.stringMatching(/^iv_/), amount: '9.99', currency: 'USD' });
    const stored = await fetch(`${sandbox.url}/invoices/${invoice.id}`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${LOCAL_SANDBOX_VALUES.PROCESSOUT_PROJECT_ID}:${LOCAL_SANDBOX_VALUES.PROCESSOUT_PROJECT_SECRET}`).toString('base64')}`,
      },
    });
    expect(stored.status).toBe(200);
  });
});
