import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../bench/lib/processes.ts';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { listSampleFolders, SAMPLE_LANGUAGES, type SampleLanguageValue } from '../../src/sample-files/index.ts';

// The site's hygiene: a secret scanner (secretlint, .secretlintrc.json) over the whole repository
// finds no credentials other than the documented demo sandbox pair; samples take credentials from
// the environment only; the build refuses broken links and anchors.

interface SecretlintResult {
  filePath: string;
  messages: { ruleId: string; message: string; loc: { start: { line: number } } }[];
}

const SECRETLINT = join(REPO_ROOT, 'node_modules/.bin/secretlint');
const scratch = mkdtempSync(join(tmpdir(), 'reliability-secretlint-'));
const planted = join(scratch, 'planted');
mkdirSync(planted);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs secretlint from the repository root (its config and ignore file) and reads its JSON report. */
function secretlint(glob: string): SecretlintResult[] {
  const report = join(scratch, 'report.json');
  const run = spawnSync(SECRETLINT, [glob, '--format', 'json', '--output', report, '--no-maskSecrets'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  // With --output, the exit code no longer tells whether something was found: the report does.
  if (run.error || run.status !== 0) throw new Error(`secretlint failed: ${run.error ?? run.stderr}`);
  return JSON.parse(readFileSync(report, 'utf8')) as SecretlintResult[];
}

const findings = (results: SecretlintResult[]) =>
  results.flatMap((result) => result.messages.map((m) => `${relative(REPO_ROOT, result.filePath)}:${m.loc.start.line} ${m.message}`));

/** Random letters and digits, as real keys are made of. */
const randomKeyBody = (length: number) =>
  randomBytes(length * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length);

describe('secret scanning', () => {
  it('finds no credentials in the repository other than the documented demo pair', { timeout: 60_000 }, () => {
    const results = secretlint('**/*');
    expect(findings(results)).toEqual([]);
    // It did scan the code, including the sandbox file that holds the demo pair.
    const scanned = results.map((result) => relative(REPO_ROOT, result.filePath));
    expect(scanned.length).toBeGreaterThan(100);
    const holdsDemoSecret = (path: string) =>
      path.startsWith('sandbox/') && readFileSync(join(REPO_ROOT, path), 'utf8').includes(DEMO_PROJECT.secret);
    expect(scanned.some(holdsDemoSecret)).toBe(true);
    expect(scanned.some((path) => path.startsWith('samples/'))).toBe(true);
  });

  it('catches real-looking credentials, so the clean result above means something', { timeout: 60_000 }, () => {
    // Built at run time: the source of this test holds no credential.
    const secrets = {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-template-expression -- split so this source holds no credential
      'live-key.ts': `const secret = "key_${'live'}_${randomKeyBody(32)}";`,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-template-expression -- split so this source holds no credential
      'sandbox-key.py': `PROCESSOUT_PROJECT_SECRET = "key_${'sandbox'}_${randomKeyBody(32)}"`,
      'live-project.rb': `project_id = "proj_${randomKeyBody(32)}"`,
      'private-key.pem': generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-template-expression -- split so this source holds no credential
      'github-token.sh': `export GITHUB_TOKEN=gh${'p'}_${randomKeyBody(36)}`,
      'aws.env': `AWS_SECRET_ACCESS_KEY=${randomKeyBody(40)}\nAWS_ACCESS_KEY_ID=AKIA${randomBytes(16).toString('hex').toUpperCase().slice(0, 16)}`,
    };
    for (const [name, text] of Object.entries(secrets)) writeFileSync(join(planted, name), text);
    const results = secretlint(join(planted, '*'));
    const flagged = results.filter((result) => result.messages.length > 0).map((result) => relative(planted, result.filePath));
    expect(flagged.sort()).toEqual(Object.keys(secrets).sort());
  });
});

// How each sample language reads an environment variable.
const ENV_READS: Record<SampleLanguageValue, (name: string) => RegExp> = {
  typescript: (name) => new RegExp(`(process\\.env\\.${name}\\b|process\\.env\\[["']${name}["']\\]|requireEnv\\(["']${name}["']\\))`),
  python: (name) => new RegExp(`os\\.(environ\\[["']${name}["']\\]|environ\\.get\\(["']${name}["']|getenv\\(["']${name}["'])`),
  ruby: (name) => new RegExp(`ENV(\\.fetch\\(["']${name}["']|\\[["']${name}["']\\])`),
  php: (name) => new RegExp(`(getenv\\(["']${name}["']\\)|\\$_(ENV|SERVER)\\[["']${name}["']\\])`),
  go: (name) => new RegExp(`os\\.(Getenv|LookupEnv)\\("${name}"\\)`),
  curl: (name) => new RegExp(`\\$\\{?${name}\\b`),
};

describe('samples', () => {
  const samples = listSampleFolders({ rootDir: REPO_ROOT, samplesDir: join(REPO_ROOT, 'samples') }).flatMap((folder) => folder.files);

  it('exist in every language', () => {
    for (const { value } of SAMPLE_LANGUAGES)
      expect(
        samples.some((file) => file.language === value),
        value,
      ).toBe(true);
  });

  it('hold no credentials and read them only from the environment', () => {
    const demoBasic = Buffer.from(`${DEMO_PROJECT.id}:${DEMO_PROJECT.secret}`).toString('base64');
    for (const { path, relativePath: where, language } of samples) {
      const text = readFileSync(path, 'utf8');
      expect(text, where).not.toMatch(/\b(?:test-)?proj_[A-Za-z0-9]{6,}/);
      expect(text, where).not.toMatch(/key_(?:live|sandbox|test)_[A-Za-z0-9]{4,}/);
      expect(text, where).not.toContain(demoBasic.slice(0, 24));
      expect(text, where).not.toMatch(/Basic [A-Za-z0-9+/]{16,}={0,2}/);
      const readsEnv = ENV_READS[language];
      for (const name of ['PROCESSOUT_PROJECT_ID', 'PROCESSOUT_PROJECT_SECRET']) {
        if (text.includes(name)) expect(text, `${where} mentions ${name} but never reads it from the environment`).toMatch(readsEnv(name));
      }
      if (text.includes('requireEnv(')) expect(text, `${where}: requireEnv must read process.env`).toMatch(/process\.env\[/);
    }
  });
});

describe('site build', () => {
  it('fails on broken links and anchors', async () => {
    const { default: createConfig } = await import('../../docusaurus.config.ts');
    const config = await createConfig();
    expect(config.onBrokenLinks).toBe('throw');
    expect(config.onBrokenAnchors).toBe('throw');
    expect(config.markdown?.hooks?.onBrokenMarkdownLinks).toBe('throw');
  });
});
