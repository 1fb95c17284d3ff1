// The validating proxy the samples suite puts between samples and the sandbox, and the route
// matching behind validateSdkAnswer, held to answers known to break an SDK (decoding.md §4).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkRouteOf, validateSdkAnswer } from './lib/sdk-schemas.ts';
import { startValidatingProxy, type ValidatingProxy } from './lib/validating-proxy.ts';

const TRANSACTION = { id: 'tr_1', status: 'completed', invoice_id: 'iv_1', error_code: null };

/** Answers by path: what the sandbox answered before issue 9, and what it answers now. */
const ANSWERS: Record<string, [number, unknown]> = {
  '/invoices/iv_1/capture': [200, { success: true, transaction: TRANSACTION }],
  '/invoices/iv_2/capture': [200, { success: true, transaction: TRANSACTION, customer_action: {} }],
  '/events/ev_1/webhooks': [200, { success: true, webhooks: [{ id: 'wh_1', response_code: 200 }] }],
  '/invoices/iv_missing': [404, { success: false, error_type: 'resource.invoice.not-found', message: 'no such invoice' }],
  '/_sandbox/invoices/iv_1/complete': [200, { success: true, token: 'gway_req_x' }],
};

let upstream: Server;
let proxy: ValidatingProxy;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const [status, body] = ANSWERS[request.url ?? ''] ?? [404, { success: false }];
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startValidatingProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
});
afterAll(async () => {
  // afterAll runs even when beforeAll failed part-way, before this was set.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  await proxy?.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('sdkRouteOf', () => {
  it.each([
    ['POST', '/invoices/iv_1/capture?x=1', 'POST /invoices/{id}/capture'],
    ['GET', '/invoices/{invoice_id}', 'GET /invoices/{id}'],
    ['GET', '/gateway-configurations/gway_conf_a.b/', 'GET /gateway-configurations/{id}'],
    ['GET', '/events/ev_1/webhooks', 'GET /events/{id}/webhooks'],
    ['GET', '/invoices', null],
    ['POST', '/_sandbox/invoices/iv_1/complete', null],
  ])('%s %s → %s', (method, path, route) => {
    expect(sdkRouteOf(method, path)).toBe(route);
  });
});

describe('validateSdkAnswer', () => {
  it("holds a 2xx to its route's schema and a non-2xx to the error envelope", () => {
    expect(validateSdkAnswer('GET', '/events/ev_1/webhooks', 200, { success: true, webhooks: [{ response_code: 200 }] }).errors).toEqual([
      '/webhooks/0/response_code must be string,null',
    ]);
    expect(validateSdkAnswer('GET', '/invoices/iv_1', 404, { success: false, error_type: 7, message: 'x' })).toMatchObject({
      route: 'any non-2xx',
      errors: ['/error_type must be string'],
    });
  });

  it('adds what the samples read with samples: true', () => {
    // The SDKs decode a transaction without a status; the capture samples switch on it.
    const withoutStatus = { success: true, transaction: {}, customer_action: {} };
    expect(validateSdkAnswer('POST', '/invoices/iv_1/capture', 200, withoutStatus).errors).toEqual([]);
    expect(validateSdkAnswer('POST', '/invoices/iv_1/capture', 200, withoutStatus, { samples: true }).errors).toContain(
      "/transaction must have required property 'id'",
    );
  });
});

describe('startValidatingProxy', () => {
  it('passes answers through unchanged and records the ones that break an SDK', async () => {
    const broken = await fetch(`${proxy.url}/invoices/iv_1/capture`, { method: 'POST', body: '{}' });
    expect(broken.status).toBe(200);
    expect(await broken.json()).toEqual(ANSWERS['/invoices/iv_1/capture']![1]);
    await fetch(`${proxy.url}/invoices/iv_2/capture`, { method: 'POST', body: '{}' });
    await fetch(`${proxy.url}/events/ev_1/webhooks`);
    expect((await fetch(`${proxy.url}/invoices/iv_missing`)).status).toBe(404);
    await fetch(`${proxy.url}/_sandbox/invoices/iv_1/complete`, { method: 'POST', body: '{}' });

    expect(proxy.validated()).toBe(4);
    expect(proxy.violations()).toEqual([
      expect.objectContaining({
        url: '/invoices/iv_1/capture',
        route: 'POST /invoices/{id}/capture',
        errors: ["(root) must have required property 'customer_action'"],
      }),
      expect.objectContaining({ url: '/events/ev_1/webhooks', errors: ['/webhooks/0/response_code must be string,null'] }),
    ]);
  });
});
