// What ProcessOut.js needs from the sandbox: the stand-in script, and the requests the real library sends
// (observed with ProcessOut.js 1.9.8 pointed at this sandbox): X-ProcessOut-JS-Version and headers copied
// into the query, filter=undefined, POST /telemetry, and the checkout at the root of a `checkout.` host.
import { request as httpRequest } from 'node:http';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { apmConfigurationId, createInvoice, useTestSandbox } from './helpers.ts';
import { PUBLIC_AUTH } from './lib/client.ts';

const { sandbox, api } = useTestSandbox();
let confId: string;
let port: string;

beforeAll(async () => {
  confId = await apmConfigurationId(api);
  port = new URL(sandbox().url).port;
});

/** The query string the real library builds for a GET: project, copied headers, then the parameters. */
function processOutJsQuery(parameters: string): string {
  return (
    `legacyrequest=true&project_id=${DEMO_PROJECT.id}&x-Content-Type=application/json&x-API-Version=1.3.0.0` +
    `&x-Authorization=${PUBLIC_AUTH}&x-ProcessOut-JS-Version=1.9.8&${parameters}`
  );
}

const PROCESSOUT_JS_HEADERS = {
  authorization: PUBLIC_AUTH,
  'content-type': 'application/json',
  'api-version': '1.3.0.0',
  'x-processout-js-version': '1.9.8',
  origin: 'https://shop.example',
};

describe('the ProcessOut.js stand-in at /processout.js', () => {
  it('is a cacheable script any page can load, in plain browser JavaScript', async () => {
    const response = await fetch(`${sandbox().url}/processout.js`);
    const source = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(() => new Script(source)).not.toThrow();
    // CSP-safe: nothing a strict script-src or style-src would block.
    expect(source).not.toMatch(/\beval\(|new Function\(|setAttribute\(["']style|innerHTML|\.on(click|load)\s*=/);

    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${sandbox().url}/processout.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});

describe('requests as the real ProcessOut.js sends them', () => {
  it('lists APMs with X-ProcessOut-JS-Version, the headers copied into the query and public auth', async () => {
    const response = await fetch(
      `${sandbox().url}/gateway-configurations?${processOutJsQuery('filter=alternative-payment-methods&expand_merchant_accounts=true')}`,
      {
        headers: PROCESSOUT_JS_HEADERS,
      },
    );
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(body.gateway_configurations.map((conf: { id: string }) => conf.id)).toContain(confId);
  });

  it('allows X-ProcessOut-JS-Version in the CORS preflight', async () => {
    const response = await fetch(`${sandbox().url}/gateway-configurations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,api-version,content-type,x-processout-js-version',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-processout-js-version');
  });

  it('treats filter=undefined (no filter given) as no filter', async () => {
    const all = await api.get('/gateway-configurations', { auth: PUBLIC_AUTH });
    const response = await fetch(
      `${sandbox().url}/gateway-configurations?${processOutJsQuery('filter=undefined&expand_merchant_accounts=true')}`,
      {
        headers: PROCESSOUT_JS_HEADERS,
      },
    );
    expect(response.status).toBe(200);
    expect((await response.json()).gateway_configurations).toEqual(all.body.gateway_configurations);
  });

  it('accepts POST /telemetry from any page and ignores it', async () => {
    const preflight = await fetch(`${sandbox().url}/telemetry`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const response = await fetch(`${sandbox().url}/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: JSON.stringify({ event: 'apm.canceled', metadata: { any: 'thing' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true });
  });
});

/** A request with its own Host header, which fetch does not let a caller set. */
function onCheckoutHost(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, host: `checkout.localhost:${port}` } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'] ?? '', text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('the checkout on a checkout. host, where the real library opens it', () => {
  const rootPath = (invoiceId: string) => `/${DEMO_PROJECT.id}/${invoiceId}/redirect/${confId}`;

  it('serves the provider page at /{project}/{invoice}/redirect/{conf}, and its form posts back there', async () => {
    const invoice = await createInvoice(api);
    const page = await onCheckoutHost('GET', rootPath(invoice.id), { referer: 'https://merchant.example/pay' });
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.text).toContain(`action="${rootPath(invoice.id)}"`);

    const result = await onCheckoutHost(
      'POST',
      rootPath(invoice.id),
      { 'content-type': 'application/x-www-form-urlencoded' },
      'outcome=approve&opener_origin=https%3A%2F%2Fmerchant.example',
    );
    expect(result.status).toBe(200);
    expect(result.text).toMatch(/data-testid="token">gway_req_/);
  });

  it('keeps that path off the API host, where it is an unknown route', async () => {
    const invoice = await createInvoice(api);
    const response = await fetch(`${sandbox().url}${rootPath(invoice.id)}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, error_type: 'request.route-not-found' });
  });
});
