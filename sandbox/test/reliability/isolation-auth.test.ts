import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT, startSandbox } from '@apm-docs/sandbox';
import { completeCheckout, createInvoice } from '../helpers.ts';
import { errorEnvelopeProblem } from './lib/documented-errors.ts';
import { storeFingerprint } from '@apm-docs/sandbox/testing';
import { basicAuth, apiClient, type ApiClient } from '../lib/client.ts';

// Isolation and auth, over every route the sandbox publishes in /openapi.json (so a new route is
// covered without touching this file): project A's secret cannot read, pay or list project B's
// objects (404, as the real API answers); the public key alone only opens the two browser routes;
// live-looking keys are refused.

const A = DEMO_PROJECT;
const B = { id: 'test-proj_reliabilityIsolationProjectB01', secret: 'key_sandbox_reliabilityIsolationProjectSecret' };
const BROWSER_ROUTES = new Set(['GET /gateway-configurations', 'GET /invoices/{invoice_id}']);

interface Route {
  method: string;
  path: string;
}

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let asA: ApiClient;
let asB: ApiClient;
let apiRoutes: Route[];
/** B's objects, by path parameter name. */
const bIds: Record<string, string> = {};
let bToken: string;
let bInvoiceName: string;

beforeAll(async () => {
  sandbox = await startSandbox({ extraProjects: [B] });
  asA = apiClient(sandbox.url, basicAuth(A.id, A.secret));
  asB = apiClient(sandbox.url, basicAuth(B.id, B.secret));
  const doc = (await asA.get('/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  // Every API route needs credentials unless its operation says `security: []` (the ProcessOut.js script,
  // telemetry). The checkout and the dashboard are HTML pages for people, with tests of their own.
  apiRoutes = Object.entries(doc.paths)
    .filter(([path]) => !path.startsWith('/checkout/') && !path.startsWith('/dashboard'))
    .flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.security?.length !== 0)
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );

  bInvoiceName = 'B private order';
  const paid = await createInvoice(asB, { name: bInvoiceName });
  await asB.post(`/invoices/${paid.id}/capture`, { source: (await completeCheckout(asB, paid.id, 'approve')).body.token });
  const open = await createInvoice(asB, { name: bInvoiceName });
  bToken = (await completeCheckout(asB, open.id, 'approve')).body.token;
  const event = (await asB.get('/events')).body.events[0] as { id: string };
  const conf = (await asB.get('/gateway-configurations')).body.gateway_configurations[1] as { id: string };
  Object.assign(bIds, { invoice_id: open.id, transaction_id: paid.transaction_id, event_id: event.id, gateway_configuration_id: conf.id });
});
afterAll(() => sandbox.close());

function withIds(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `missing-${name}`);
}

/** A body that would succeed if the object were the caller's. */
function bodyFor(route: Route): object | undefined {
  if (route.method !== 'POST') return undefined;
  if (route.path.endsWith('/complete')) return { gateway_configuration_id: bIds.gateway_configuration_id, outcome: 'approve' };
  if (route.path === '/invoices') return { name: 'x', amount: '1.00', currency: 'EUR' };
  if (route.path.endsWith('/refunds')) return { amount: '1.00' };
  return { source: bToken };
}

describe('project isolation', () => {
  it('covers every API route', () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(14);
  });

  it("A's secret gets 404 for each of B's objects, on every route with an id, and changes nothing", async () => {
    const routesWithIds = apiRoutes.filter((route) => route.path.includes('{'));
    expect(routesWithIds.length).toBeGreaterThanOrEqual(9);
    const before = storeFingerprint(sandbox.store);
    for (const route of routesWithIds) {
      const response = await asA.request(route.method, withIds(route.path, bIds), { json: bodyFor(route) });
      const label = `${route.method} ${route.path}`;
      expect(response.status, label).toBe(404);
      expect(response.body.error_type, label).toMatch(/^resource\.[a-z-]+\.not-found$/);
      expect(errorEnvelopeProblem(response.status, response.headers.get('content-type') ?? undefined, response.text), label).toBeNull();
      expect(response.text, label).not.toContain(bInvoiceName);
    }
    expect(storeFingerprint(sandbox.store)).toBe(before);
  });

  it("A's lists never show B's objects, even with B's ids as cursors", async () => {
    const bAll = new Set(Object.values(bIds));
    for (const list of ['/invoices', '/events', '/gateway-configurations']) {
      for (const query of [
        '',
        `?start_after=${bIds.invoice_id}`,
        `?end_before=${bIds.event_id}&order=asc`,
        '?limit=100&expand=transaction',
      ]) {
        const response = await asA.get(`${list}${query}`);
        expect(response.status, list + query).toBe(200);
        expect(response.text).not.toContain(B.id);
        for (const id of bAll) expect(response.text, `${list}${query} leaks ${id}`).not.toContain(id);
      }
    }
  });

  it("B's token cannot pay A's invoice", async () => {
    const invoice = await createInvoice(asA);
    const response = await asA.post(`/invoices/${invoice.id}/capture`, { source: bToken });
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.source.invalid');
    expect((await asA.get(`/invoices/${invoice.id}/transactions`)).body.transaction.status).toBe('waiting');
  });

  it('keeps Idempotency-Keys per project: the same key in A and B creates two invoices', async () => {
    const body = { name: 'Same key', amount: '5.00', currency: 'EUR' };
    const headers = { 'idempotency-key': 'shared-key-across-projects' };
    const inA = await asA.post('/invoices', body, { headers });
    const inB = await asB.post('/invoices', body, { headers });
    expect(inA.body.invoice.project_id).toBe(A.id);
    expect(inB.body.invoice.project_id).toBe(B.id);
    expect(inB.headers.get('idempotent-replayed')).toBeNull();
    const replayA = await asA.post('/invoices', body, { headers });
    expect(replayA.body.invoice.id).toBe(inA.body.invoice.id);
  });

  it("the checkout pages of B's invoices do not open under A's project id", async () => {
    const page = await asA.get(`/checkout/${A.id}/${bIds.invoice_id}`, { auth: null });
    expect(page.status).toBe(404);
    expect(page.text).not.toContain(bInvoiceName);
    const provider = `/checkout/${A.id}/${bIds.invoice_id}/redirect/${bIds.gateway_configuration_id}`;
    expect((await asA.get(provider, { auth: null })).status).toBe(404);
    const posted = await asA.postForm(provider, 'outcome=approve', { auth: null });
    expect(posted.status).toBe(404);
    expect(posted.text).not.toContain('gway_req_');
  });
});

describe('authentication on every route', () => {
  const publicKey = basicAuth(A.id, '');
  const refusals: [string, string][] = [
    ['the public key alone', publicKey],
    ['a live project id and secret', basicAuth('proj_LiveLookingProjectIdentifier01', `key_live_${'x'.repeat(32)}`)],
    ['a sandbox project id with a live secret', basicAuth(A.id, `key_live_${'x'.repeat(32)}`)],
    ['a live project id with a sandbox secret', basicAuth('proj_LiveLookingProjectIdentifier01', A.secret)],
    ["another project's secret", basicAuth(A.id, B.secret)],
    ["another project's secret in the key_test_ spelling", basicAuth(A.id, B.secret.replace('key_sandbox_', 'key_test_'))],
    ['no credentials', ''],
    ['a malformed header', 'Basic !!!not-base64'],
  ];

  it.each(refusals)('refuses %s on every secret-key route with a documented 401', async (label, auth) => {
    const live = label.includes('live');
    for (const route of apiRoutes) {
      if (route.path === '/openapi.json') continue;
      if (label === 'the public key alone' && BROWSER_ROUTES.has(`${route.method} ${route.path}`)) continue;
      const response = await asA.request(route.method, withIds(route.path, bIds), { auth: auth || null, json: bodyFor(route) });
      const where = `${label}: ${route.method} ${route.path}`;
      expect(response.status, where).toBe(401);
      expect(errorEnvelopeProblem(response.status, response.headers.get('content-type') ?? undefined, response.text), where).toBeNull();
      if (live) expect(response.body.message, where).toMatch(/live/);
    }
  });

  it('lets the public key open only the browser routes, and only for its own objects', async () => {
    const publicApi = apiClient(sandbox.url, publicKey);
    const own = await createInvoice(asA);
    expect((await publicApi.get(`/invoices/${own.id}`)).status).toBe(200);
    expect((await publicApi.get('/gateway-configurations')).status).toBe(200);
    expect((await publicApi.get(`/invoices/${bIds.invoice_id}`)).status).toBe(404);
    const browserRoutes = apiRoutes.filter((route) => BROWSER_ROUTES.has(`${route.method} ${route.path}`));
    expect(browserRoutes).toHaveLength(BROWSER_ROUTES.size);
  });
});
