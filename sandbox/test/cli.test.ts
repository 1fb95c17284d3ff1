import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CliStartError, CliUsageError, runCli } from '../src/cli-run.ts';
import { startSandbox } from '@apm-docs/sandbox';
import { waitFor } from './helpers.ts';
import { DEMO_AUTH } from './lib/client.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function capture() {
  let text = '';
  return { write: (chunk: string) => void (text += chunk), text: () => text };
}

describe('npm run sandbox (runCli)', () => {
  it('prints help', async () => {
    const out = capture();
    expect(await runCli(['--help'], out)).toBeNull();
    expect(out.text()).toMatch(/--port N[\s\S]*--db FILE[\s\S]*--webhook-url URL/);
  });

  it.each([
    [['--port', 'abc'], /--port must be/],
    [['--webhook-url', 'ftp://x'], /--webhook-url must be/],
    [['--pending-delay', '-1'], /--pending-delay/],
    [['--nope'], /Unknown option/],
    [['--public-url', 'https://sandbox.example/api'], /--public-url: .*no path/],
    [['--public-url', 'sandbox.example'], /--public-url: .*http\(s\) origin/],
  ])('refuses %j', async (argv, message) => {
    await expect(runCli(argv, capture())).rejects.toThrow(CliUsageError);
    await expect(runCli(argv, capture())).rejects.toThrow(message);
  });

  it('starts, prints its URL and demo credentials, and logs one line per request', async () => {
    const out = capture();
    const sandbox = await runCli(['--port', '0', '--db', ':memory:'], out);
    try {
      expect(out.text()).toContain(`ProcessOut sandbox listening on ${sandbox!.url}`);
      expect(out.text()).toContain('PROCESSOUT_PROJECT_ID=test-proj_apmDocsLocalSandboxDemoProject01');
      expect(out.text()).toContain('PROCESSOUT_PROJECT_SECRET=key_sandbox_apmDocsLocalSandboxDemoSecret000');
      expect((await fetch(`${sandbox!.url}/`, { headers: { authorization: DEMO_AUTH } })).status).toBe(200);
      await fetch(`${sandbox!.url}/invoices/iv_missing?expand=transaction`, { headers: { authorization: DEMO_AUTH } });
      await waitFor(() => /GET \/invoices\/iv_missing 404 [\d.]+ms resource\.invoice\.not-found\n/.test(out.text()), 2_000, 'log');
      expect(out.text()).toMatch(/GET \/ 200 [\d.]+ms\n/);
    } finally {
      await sandbox!.close();
    }
  });

  it('with --https, serves TLS and prints the CA file to trust for Ruby, Node and curl', async () => {
    const out = capture();
    const db = join(scratch, 'https', 'sandbox.db');
    const sandbox = await runCli(['--port', '0', '--db', db, '--https'], out);
    try {
      const caFile = join(scratch, 'https', 'tls', 'ca.pem');
      expect(sandbox!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(sandbox!.caFile).toBe(caFile);
      expect(out.text()).toContain(`SSL_CERT_FILE=${caFile}`);
      expect(out.text()).toContain(`NODE_EXTRA_CA_CERTS=${caFile}`);
      expect(out.text()).toContain(`curl --cacert ${caFile}`);
      expect(out.text()).toContain(`PROCESSOUT_API_URL=${sandbox!.url}\n`);
    } finally {
      await sandbox!.close();
    }
  }, 30_000);

  it('with --public-url, prints it as the API and checkout URL', async () => {
    const out = capture();
    const sandbox = await runCli(['--port', '0', '--db', ':memory:', '--public-url', 'https://sandbox.shop.test:8443/'], out);
    try {
      expect(out.text()).toContain('PROCESSOUT_API_URL=https://sandbox.shop.test:8443\n');
      expect(out.text()).toContain('PROCESSOUT_CHECKOUT_URL=https://sandbox.shop.test:8443/checkout\n');
    } finally {
      await sandbox!.close();
    }
  });
});

describe('npm run sandbox start-up errors (issue 12, defect 9)', () => {
  const corrupt = join(scratch, 'corrupt.db');
  writeFileSync(corrupt, 'this is not an SQLite database, just some text that is long enough to have a header');
  const folder = join(scratch, 'folder.db');
  mkdirSync(folder, { recursive: true });
  const underAFile = join(corrupt, 'sandbox.db');

  async function startError(argv: string[]): Promise<string> {
    const error = await runCli(argv, capture()).then(
      async (sandbox) => {
        await sandbox?.close();
        return null;
      },
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CliStartError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }

  it('says the port is in use and how to pick another', async () => {
    const busy = await startSandbox({ port: 0 });
    try {
      const port = new URL(busy.url).port;
      expect(await startError(['--port', port, '--db', ':memory:'])).toMatch(
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*npm start.*--port N`),
      );
    } finally {
      await busy.close();
    }
  });

  it('says a corrupt database file is not a sandbox database', async () => {
    expect(await startError(['--port', '0', '--db', corrupt])).toMatch(/is not a sandbox database.*--db FILE/);
  });

  it('says --db points at a folder', async () => {
    expect(await startError(['--port', '0', '--db', folder])).toBe(
      `--db ${folder} is a folder: give a file path, e.g. --db ${folder}/sandbox.db.`,
    );
  });

  it('says a path cannot be written', async () => {
    expect(await startError(['--port', '0', '--db', underAFile])).toMatch(
      /^Cannot write .* \((ENOTDIR|EEXIST)\): pick a writable location with --db FILE/,
    );
    if (process.getuid?.() !== 0) {
      const readOnly = join(scratch, 'read-only');
      mkdirSync(readOnly, { mode: 0o555 });
      expect(await startError(['--port', '0', '--db', join(readOnly, 'sandbox.db')])).toMatch(/^Cannot write .*(EACCES|SQLITE_CANTOPEN)/);
    }
  });

  it('prints one line without a stack and exits 1 (the real CLI)', async () => {
    const busy = await startSandbox({ port: 0 });
    try {
      const port = new URL(busy.url).port;
      const cli = (argv: string[]) =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', 'sandbox/src/cli.ts', ...argv]).then(
          () => ({ code: 0, stderr: '' }),
          (error: unknown) => error as { code: number; stderr: string },
        );
      const [portInUse, corruptDb] = await Promise.all([cli(['--port', port, '--db', ':memory:']), cli(['--port', '0', '--db', corrupt])]);
      for (const result of [portInUse, corruptDb]) {
        expect(result.code).toBe(1);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).not.toMatch(/^\s+at /m);
      }
      expect(portInUse.stderr).toMatch(/already in use/);
      expect(corruptDb.stderr).toMatch(/not a sandbox database/);
    } finally {
      await busy.close();
    }
  }, 60_000);
});
