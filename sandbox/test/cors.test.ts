import { describe, expect, it } from 'vitest';
import { useTestSandbox } from './helpers.ts';
import { DEMO_AUTH } from './lib/client.ts';

// The docs site's "Try it" buttons call the sandbox from the browser with the demo secret key: only
// the origins the site passes (`siteOrigins`) may, and only on the routes those samples call.
const SITE_ORIGINS = ['http://127.0.0.1:3000', 'http://localhost:3000'];

describe('CORS for the docs site "Try it" buttons', () => {
  const { api } = useTestSandbox({ siteOrigins: SITE_ORIGINS });

  const preflight = (path: string, origin: string, method = 'POST') =>
    api.request('OPTIONS', path, {
      auth: null,
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
    });

  it.each(SITE_ORIGINS)('lets %s create an invoice with the secret key, after a preflight', async (origin) => {
    const allowed = await preflight('/invoices', origin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const created = await api.postForm('/invoices', 'name=Amazing%20item&amount=9.99&currency=USD', { headers: { origin } });
    expect(created.status).toBe(200);
    expect(created.headers.get('access-control-allow-origin')).toBe(origin);
    expect(created.headers.get('vary')?.toLowerCase()).toContain('origin');
  });

  it.each(['/', '/gateway-configurations?filter=alternative-payment-methods'])('lets the local site GET %s', async (path) => {
    const response = await api.get(path, { headers: { origin: 'http://127.0.0.1:3000', authorization: DEMO_AUTH } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
  });

  it.each(['http://127.0.0.1:3001', 'http://localhost:8080', 'https://shop.example', 'null'])(
    'keeps other origins (%s) out of the secret-key routes',
    async (origin) => {
      const denied = await preflight('/invoices', origin);
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      const created = await api.post('/invoices', { name: 'x', amount: '1.00', currency: 'USD' }, { headers: { origin } });
      expect(created.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it('gives the local site no CORS on routes no "Try it" button calls', async () => {
    const denied = await preflight('/invoices/iv_x/capture', 'http://127.0.0.1:3000');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still lets any origin read the gateway configurations without the secret, as ProcessOut.js does', async () => {
    const response = await api.get('/gateway-configurations', { headers: { origin: 'https://shop.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });
});
