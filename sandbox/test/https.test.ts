import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../../tests/samples/lib/tools.ts';
import { ensureTlsFiles } from '../src/lib/tls.ts';
import { startTestSandbox } from './helpers.ts';
import { DEMO_AUTH } from './lib/client.ts';

// Issue 10 item 4: `--https` serves the same API over TLS; real TLS clients given only the CA file
// verify the peer (Node https with `ca`, curl --cacert, Ruby Net::HTTP with SSL_CERT_FILE).

const run = promisify(execFile);
const DEMO_USER = Buffer.from(DEMO_AUTH.slice(6), 'base64').toString();

let dir: string;
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-tls-'));
  sandbox = await startTestSandbox({ https: { tlsDir: join(dir, 'tls') } });
}, 30_000);
afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed part-way
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

function nodeGet(url: string, ca: string | undefined): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { authorization: DEMO_AUTH } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startSandbox({ https })', () => {
  it('listens on https:// and stores a CA and a leaf for 127.0.0.1, ::1 and localhost', () => {
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.caFile).toBe(join(dir, 'tls', 'ca.pem'));
    const ca = new X509Certificate(readFileSync(sandbox.caFile!));
    const leaf = new X509Certificate(readFileSync(join(dir, 'tls', 'cert.pem')));
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe('IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost');
    expect(statSync(join(dir, 'tls', 'key.pem')).mode & 0o077).toBe(0);
  });

  it('is verified by Node https given only the CA, and refused without it', async () => {
    const answer = await nodeGet(`${sandbox.url}/invoices`, sandbox.ca);
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(true);
    const viaLocalhost = await nodeGet(`${sandbox.url.replace('127.0.0.1', 'localhost')}/`, sandbox.ca).catch((error: unknown) => error);
    if (!(viaLocalhost instanceof Error && viaLocalhost.message.includes('ECONNREFUSED')))
      expect(viaLocalhost).toMatchObject({ status: 200 });
    await expect(nodeGet(`${sandbox.url}/invoices`, undefined)).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
  });

  it('builds links with https:// and the host the client used, and serves the checkout over TLS', async () => {
    const created = await new Promise<any>((resolve, reject) => {
      const body = JSON.stringify({ name: 'Order #1', amount: '9.99', currency: 'USD' });
      const req = request(
        `${sandbox.url}/invoices`,
        { method: 'POST', ca: sandbox.ca, headers: { authorization: DEMO_AUTH, 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(JSON.parse(text)));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(created.invoice.url).toBe(`${sandbox.url}/checkout/${created.invoice.project_id}/${created.invoice.id}`);
    const checkout = await new Promise<{ status: number; type: string }>((resolve, reject) => {
      request(created.invoice.url, { ca: sandbox.ca }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
      })
        .on('error', reject)
        .end();
    });
    expect(checkout).toEqual({ status: 200, type: expect.stringMatching(/^text\/html/) });
  });

  it('is verified by curl --cacert', async (context) => {
    requireTool(context, 'curl');
    const { stdout } = await run('curl', [
      '--silent',
      '--show-error',
      '--fail-with-body',
      '--cacert',
      sandbox.caFile!,
      '-u',
      DEMO_USER,
      `${sandbox.url}/invoices`,
    ]);
    expect(JSON.parse(stdout).success).toBe(true);
    const refused = await run('curl', ['--silent', '--show-error', '-u', DEMO_USER, `${sandbox.url}/invoices`]).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 60 }); // the system store alone does not trust it
  });

  it('is verified by Ruby Net::HTTP with SSL_CERT_FILE, as the processout gem calls it', async (context) => {
    requireTool(context, 'ruby');
    // The gem's request.rb: URI(@host + path), Net::HTTP.start(uri.hostname, uri.port, use_ssl: true).
    const script = `
      require "net/http"
      require "json"
      uri = URI(ENV.fetch("PROCESSOUT_API_URL") + "/invoices")
      req = Net::HTTP::Get.new(uri)
      req.basic_auth(ENV.fetch("PROCESSOUT_PROJECT_ID"), ENV.fetch("PROCESSOUT_PROJECT_SECRET"))
      res = Net::HTTP.start(uri.hostname, uri.port, use_ssl: true) { |http| http.request(req) }
      raise "peer not verified" unless res.is_a?(Net::HTTPOK)
      puts JSON.parse(res.body).fetch("success")
    `;
    const [id, secret] = DEMO_USER.split(':') as [string, string];
    const env = {
      ...process.env,
      SSL_CERT_FILE: sandbox.caFile!,
      PROCESSOUT_API_URL: sandbox.url,
      PROCESSOUT_PROJECT_ID: id,
      PROCESSOUT_PROJECT_SECRET: secret,
    };
    const { stdout } = await run('ruby', ['-e', script], { env });
    expect(stdout.trim()).toBe('true');
    const untrusted = await run('ruby', ['-e', script], { env: { ...env, SSL_CERT_FILE: '/dev/null' } }).catch((error: unknown) => error);
    expect(untrusted).toMatchObject({ stderr: expect.stringMatching(/certificate verify failed/) });
  });
});

describe('the certificate files', () => {
  it('are reused on restart, and replaced when broken or missing a name', async () => {
    const tlsDir = join(dir, 'reuse');
    const first = await ensureTlsFiles(tlsDir);
    expect(first.created).toBe(true);
    const again = await ensureTlsFiles(tlsDir);
    expect(again).toMatchObject({ created: false, ca: first.ca, cert: first.cert });

    const restarted = await startTestSandbox({ https: { tlsDir } });
    try {
      expect(restarted.ca).toBe(first.ca);
      expect((await nodeGet(`${restarted.url}/`, first.ca)).status).toBe(200);
    } finally {
      await restarted.close();
    }

    const withName = await ensureTlsFiles(tlsDir, ['sandbox.shop.test']);
    expect(withName.created).toBe(true);
    expect(new X509Certificate(withName.cert).checkHost('sandbox.shop.test')).toBe('sandbox.shop.test');

    writeFileSync(join(tlsDir, 'cert.pem'), 'not a certificate');
    const repaired = await ensureTlsFiles(tlsDir, ['sandbox.shop.test']);
    expect(repaired.created).toBe(true);
    expect(new X509Certificate(repaired.cert).verify(new X509Certificate(repaired.ca).publicKey)).toBe(true);
  }, 30_000);
});
