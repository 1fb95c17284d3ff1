import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@apm-docs/sandbox';
import { invoiceCount } from '@apm-docs/sandbox/testing';
import { skipOutsideCi } from '../../tests/samples/lib/tools.ts';
import { startTestSandbox } from './helpers.ts';
import { DEMO_AUTH, PUBLIC_AUTH, rawRequest } from './lib/client.ts';

// Issue 12 defect 7: only the hosts the sandbox serves are answered, so a DNS-rebinding page
// cannot drive it or get its own name into invoice URLs.

const INVOICE = JSON.stringify({ name: 'Order #1', amount: '9.99', currency: 'USD' });

function createInvoiceWithHost(port: number, host: string) {
  return rawRequest(
    port,
    `POST /invoices HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${INVOICE.length}\r\nConnection: close\r\n\r\n${INVOICE}`,
  );
}

describe('Host allow-list (default start: 127.0.0.1)', () => {
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
  let port: number;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    port = Number(new URL(sandbox.url).port);
  });
  afterAll(() => sandbox.close());

  it('refuses a host it does not serve with a JSON 421, before auth, without reflecting it', async () => {
    const answer = await createInvoiceWithHost(port, 'evil.example:9999');
    expect(answer.status, answer.raw).toBe(421);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json).toMatchObject({ success: false, error_type: 'request.host.not-allowed' });
    expect(answer.json.message).toMatch(/--public-url/);
    expect(answer.body).not.toMatch(/checkout/);
    const noAuth = await rawRequest(port, `GET /invoices HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(noAuth.status).toBe(421);
    expect(invoiceCount(sandbox.store)).toBe(0);
  });

  it.each(['rebind.127.0.0.1.nip.io', 'localhost.evil.example', '127.0.0.1.evil.example', 'example.com'])('refuses %s', async (host) => {
    const answer = await rawRequest(
      port,
      `GET /gateway-configurations HTTP/1.1\r\nHost: ${host}:${port}\r\nAuthorization: ${PUBLIC_AUTH}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status, answer.raw).toBe(421);
  });

  it.each([
    '127.0.0.1:PORT',
    'localhost:PORT',
    'LOCALHOST:PORT',
    '[::1]:PORT',
    'app.localhost:PORT',
    '127.0.0.2:PORT',
    '127.0.0.1',
    '127.0.0.1:1234',
  ])('serves the loopback host %s and builds links with it', async (template) => {
    const host = template.replace('PORT', String(port));
    const answer = await createInvoiceWithHost(port, host);
    expect(answer.status, answer.raw).toBe(200);
    expect(answer.json.invoice.url).toMatch(new RegExp(`^http://${host.toLowerCase().replace(/[.[\]]/g, '\\$&')}/checkout/`));
  });

  it('serves fetch and app.inject as the harnesses use them', async () => {
    const response = await fetch(`${sandbox.url}/`, { headers: { authorization: DEMO_AUTH } });
    expect(response.status).toBe(200);
    const viaLocalhost = await fetch(sandbox.url.replace('127.0.0.1', 'localhost') + '/', { headers: { authorization: DEMO_AUTH } }).catch(
      () => null,
    );
    if (viaLocalhost) expect(viaLocalhost.status).toBe(200);
    const injected = await sandbox.app.inject({ method: 'GET', url: '/', headers: { authorization: DEMO_AUTH } });
    expect(injected.statusCode).toBe(200);
  });
});

describe('Host allow-list with --public-url and allowedHosts', () => {
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
  let port: number;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ publicUrl: 'https://sandbox.shop.test:8443', allowedHosts: ['dev-box.lan'] });
    port = Number(new URL(sandbox.url).port);
  });
  afterAll(() => sandbox.close());

  it('serves the public URL host and builds every link from the public URL', async () => {
    const answer = await createInvoiceWithHost(port, 'sandbox.shop.test:8443');
    expect(answer.status, answer.raw).toBe(200);
    expect(answer.json.invoice.url).toMatch(/^https:\/\/sandbox\.shop\.test:8443\/checkout\//);
    const local = await createInvoiceWithHost(port, `127.0.0.1:${port}`);
    expect(local.json.invoice.url).toMatch(/^https:\/\/sandbox\.shop\.test:8443\/checkout\//);
  });

  it('serves allowedHosts and still refuses others', async () => {
    expect((await createInvoiceWithHost(port, 'dev-box.lan')).status).toBe(200);
    expect((await createInvoiceWithHost(port, 'other.lan')).status).toBe(421);
  });

  it('refuses a public URL that is not an origin', async () => {
    await expect(buildApp({ publicUrl: 'https://sandbox.shop.test/api' })).rejects.toThrow(/no path/);
    await expect(buildApp({ publicUrl: 'ftp://sandbox.shop.test' })).rejects.toThrow(/http\(s\) origin/);
  });
});

describe('Host allow-list on a wildcard bind', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

  it('serves the address a connection arrived on, and refuses names', async (context) => {
    if (!external) skipOutsideCi(context, 'no external IPv4 interface to connect through');
    const sandbox = await startTestSandbox({ host: '0.0.0.0' });
    try {
      const port = Number(new URL(sandbox.url).port);
      const answer = await rawRequest(
        port,
        `GET / HTTP/1.1\r\nHost: ${external}:${port}\r\nAuthorization: ${DEMO_AUTH}\r\nConnection: close\r\n\r\n`,
        { host: external },
      );
      expect(answer.status, answer.raw).toBe(200);
      const spoofed = await rawRequest(
        port,
        `GET / HTTP/1.1\r\nHost: 192.0.2.1:${port}\r\nAuthorization: ${DEMO_AUTH}\r\nConnection: close\r\n\r\n`,
        { host: external },
      );
      expect(spoofed.status, spoofed.raw).toBe(421);
    } finally {
      await sandbox.close();
    }
  });
});
