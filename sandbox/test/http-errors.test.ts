import { describe, expect, it } from 'vitest';
import { useTestSandbox } from './helpers.ts';
import { DEMO_AUTH } from './lib/client.ts';

const { sandbox, api } = useTestSandbox({ bodyLimit: 64 * 1024 });

describe('errors are always JSON', () => {
  it('answers unknown routes with request.route-not-found', async () => {
    const response = await api.get('/v1/invoices', { auth: null });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body).toMatchObject({ success: false, error_type: 'request.route-not-found' });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await api.request('DELETE', '/invoices');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(response.body).toMatchObject({ success: false, error_type: 'request.method-not-allowed' });
  });

  it('reads an empty JSON body as no parameters', async () => {
    const response = await api.request('POST', '/invoices', { headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.validation.missing-name');
  });

  it('answers malformed JSON with request.bad-format', async () => {
    const broken = await fetch(`${sandbox().url}/invoices`, {
      method: 'POST',
      headers: { authorization: DEMO_AUTH, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ success: false, error_type: 'request.bad-format' });
  });

  it('answers a non-object JSON body with request.bad-format', async () => {
    const response = await api.post('/invoices', ['not', 'an', 'object']);
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.bad-format');
  });

  it('answers bodies over the limit with a JSON 413', async () => {
    const response = await api.post('/invoices', { name: 'x'.repeat(70 * 1024), amount: '1', currency: 'USD' });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ success: false, error_type: 'request.body-too-large' });
  });

  it('answers unsupported content types with a JSON 415', async () => {
    const xml = await fetch(`${sandbox().url}/invoices`, {
      method: 'POST',
      headers: { authorization: DEMO_AUTH, 'content-type': 'text/xml' },
      body: '<invoice/>',
    });
    expect(xml.status).toBe(415);
    expect(await xml.json()).toMatchObject({ success: false, error_type: 'request.bad-format' });
  });

  it('never answers 5xx to hostile input', async () => {
    const bodies = ['{"__proto__": {"x": 1}}', '{"name": {"$gt": ""}}', 'null', '"string"', '[[[[[[[[[]]]]]]]]]', '{"metadata": []}'];
    for (const body of bodies) {
      const response = await fetch(`${sandbox().url}/invoices`, {
        method: 'POST',
        headers: { authorization: DEMO_AUTH, 'content-type': 'application/json' },
        body,
      });
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
      expect((await response.json()).success).toBe(false);
    }
    const deepForm = await api.postForm('/invoices', 'a[b][c][d][e][f][g][h]=1&amount[]=1&currency[x]=USD&name=x');
    expect(deepForm.status).toBe(400);
  });
});

describe('CORS', () => {
  it('answers preflights on the browser routes', async () => {
    for (const path of ['/gateway-configurations', '/invoices/iv_x']) {
      const response = await fetch(`${sandbox().url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization,api-version',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    }
    const get = await api.get('/gateway-configurations', { headers: { origin: 'https://shop.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('keeps secret-key routes out of browsers', async () => {
    const response = await api.post(
      '/invoices',
      { name: 'x', amount: '1', currency: 'USD' },
      { headers: { origin: 'https://shop.example' } },
    );
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /openapi.json', () => {
  it('publishes the route schemas', async () => {
    const response = await api.get('/openapi.json', { auth: null });
    expect(response.status).toBe(200);
    const spec = response.body;
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/invoices',
        '/invoices/{invoice_id}',
        '/invoices/{invoice_id}/capture',
        '/invoices/{invoice_id}/authorize',
        '/invoices/{invoice_id}/void',
        '/invoices/{invoice_id}/transactions',
        '/transactions/{transaction_id}',
        '/gateway-configurations',
        '/events',
        '/events/{event_id}',
        '/events/{event_id}/webhooks',
        '/_sandbox/invoices/{invoice_id}/complete',
        '/checkout/{project_id}/{invoice_id}/redirect/{gateway_configuration_id}',
      ]),
    );
    const create = spec.paths['/invoices'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['name', 'amount', 'currency']);
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['Invoice', 'Transaction', 'Event', 'Error']));
  });
});
