import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSandbox, useTestSandbox } from './helpers.ts';
import { DEMO_AUTH, PUBLIC_AUTH, rawRequest } from './lib/client.ts';

// Requests fetch cannot send (issue 12, defects 1, 6 and 8), over raw sockets: every answer is the
// JSON envelope, nothing reaches the console, no link is built from a missing or broken Host.

const { sandbox } = useTestSandbox({ timeouts: { headersMs: 300, requestMs: 600 } });
let port: number;
const consoleError = vi.spyOn(console, 'error');

beforeAll(async () => {
  port = Number(new URL(sandbox().url).port);
});
afterEach(() => {
  const printed = consoleError.mock.calls.map((args) => args.join(' '));
  consoleError.mockClear();
  expect(printed, 'nothing on the console').toEqual([]);
});

const INVOICE = JSON.stringify({ name: 'Order #1', amount: '9.99', currency: 'USD' });

function expectEnvelope(answer: Awaited<ReturnType<typeof rawRequest>>, status: number, errorType: string) {
  expect(answer.status, answer.raw).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.json).toMatchObject({ success: false, error_type: errorType });
  expect(answer.json.message).toEqual(expect.any(String));
}

describe('a missing or malformed Host (defects 1 and 8)', () => {
  it('answers HTTP/1.0 without Host, with links to the address the connection arrived on', async () => {
    const list = await rawRequest(port, `GET /gateway-configurations HTTP/1.0\r\nAuthorization: ${PUBLIC_AUTH}\r\n\r\n`);
    expect(list.status, list.raw).toBe(200);
    for (const conf of list.json.gateway_configurations)
      expect(conf.gateway.logo_url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/`));

    const create = await rawRequest(
      port,
      `POST /invoices HTTP/1.0\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${INVOICE.length}\r\n\r\n${INVOICE}`,
    );
    expect(create.status, create.raw).toBe(200);
    expect(create.json.invoice.url).toBe(`http://127.0.0.1:${port}/checkout/${create.json.invoice.project_id}/${create.json.invoice.id}`);
  });

  it('answers HTTP/1.1 without Host with a JSON 400', async () => {
    const answer = await rawRequest(
      port,
      `GET /gateway-configurations HTTP/1.1\r\nAuthorization: ${PUBLIC_AUTH}\r\nConnection: close\r\n\r\n`,
    );
    expectEnvelope(answer, 400, 'request.host.invalid');
  });

  it.each([
    ['a space', 'a b'],
    ['a port over 65535', 'x:99999'],
    ['an empty value', ''],
    ['an unbracketed IPv6 address', '::1'],
    ['a path', '127.0.0.1/x'],
    ['an IPv4 address out of range', '127.0.0.300'],
  ])('answers a Host with %s with a JSON 400 and no link', async (_name, host) => {
    for (const request of [
      `GET /gateway-configurations HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${PUBLIC_AUTH}\r\nConnection: close\r\n\r\n`,
      `POST /invoices HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${INVOICE.length}\r\nConnection: close\r\n\r\n${INVOICE}`,
    ]) {
      const answer = await rawRequest(port, request);
      expectEnvelope(answer, 400, 'request.host.invalid');
      expect(answer.body).not.toContain('http:///');
    }
  });

  it('answers two Host lines with a JSON 400', async () => {
    const answer = await rawRequest(
      port,
      `GET /gateway-configurations HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nAuthorization: ${PUBLIC_AUTH}\r\nConnection: close\r\n\r\n`,
    );
    expectEnvelope(answer, 400, 'request.host.invalid');
  });
});

describe('requests Node answers before the app (defect 8)', () => {
  it('answers an unknown Expect with a JSON 417, and still honours 100-continue', async () => {
    const refused = await rawRequest(
      port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nExpect: teapot\r\nAuthorization: ${DEMO_AUTH}\r\n\r\n`,
    );
    expectEnvelope(refused, 417, 'request.expectation-failed');

    const continued = await rawRequest(
      port,
      [
        `POST /invoices HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nExpect: 100-continue\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${INVOICE.length}\r\nConnection: close\r\n\r\n`,
        INVOICE,
      ],
      { gapMs: 50 },
    );
    expect(continued.raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
  });

  it('answers CONNECT with a JSON 405 instead of closing the socket', async () => {
    const answer = await rawRequest(port, `CONNECT api.processout.com:443 HTTP/1.1\r\nHost: api.processout.com:443\r\n\r\n`);
    expectEnvelope(answer, 405, 'request.method-not-allowed');
  });
});

describe('slow clients (defect 6)', () => {
  it('answers headers that never finish with a JSON 408 after the headers timeout', async () => {
    const trickle = [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`)];
    const answer = await rawRequest(port, trickle, { gapMs: 50, waitMs: 3_000 });
    expectEnvelope(answer, 408, 'request.timeout');
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(1_500);
  });

  it('answers a body that never finishes with a JSON 408 after the request timeout', async () => {
    const head = `POST /invoices HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
    const answer = await rawRequest(port, [head, ...Array.from({ length: 60 }, () => ' ')], { gapMs: 50, waitMs: 4_000 });
    expectEnvelope(answer, 408, 'request.timeout');
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(2_500);
  });

  it('still answers a request that arrives in time', async () => {
    const answer = await rawRequest(
      port,
      [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, `Authorization: ${DEMO_AUTH}\r\nConnection: close\r\n\r\n`],
      { gapMs: 100 },
    );
    expect(answer.status, answer.raw).toBe(200);
  });

  it('refuses timeouts that cannot work', async () => {
    await expect(startTestSandbox({ timeouts: { headersMs: 500, requestMs: 100 } })).rejects.toThrow(/headersMs ≤ requestMs/);
  });
});
