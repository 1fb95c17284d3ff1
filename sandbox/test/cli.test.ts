import { describe, expect, it } from 'vitest';
import { CliUsageError, runCli } from '../src/cli-run.ts';
import { DEMO_AUTH, waitFor } from './helpers.ts';

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
});
