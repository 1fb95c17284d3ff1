import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, DEMO_PROJECT } from '@apm-docs/sandbox';
import { createInvoice, useTestSandbox } from './helpers.ts';
import { apiClient, basicAuth, PUBLIC_AUTH, type ApiClient } from './lib/client.ts';

const OTHER_PROJECT = { id: 'test-proj_otherProjectForIsolationTests0001', secret: 'key_sandbox_otherProjectSecretForIsolation01' };

const { sandbox, api } = useTestSandbox({ extraProjects: [OTHER_PROJECT] });
let other: ApiClient;

beforeAll(async () => {
  other = apiClient(sandbox().url, basicAuth(OTHER_PROJECT.id, OTHER_PROJECT.secret));
});

describe('authentication', () => {
  it.each([
    ['no credentials', null, 'request.authentication.invalid', /Basic auth/],
    ['a wrong secret', basicAuth(DEMO_PROJECT.id, 'key_sandbox_wrong'), 'request.authentication.invalid', /does not match/],
    ['an unknown project', basicAuth('test-proj_unknown', 'key_sandbox_x'), 'request.authentication.invalid-project-id', /Unknown project/],
    ['a project without test- prefix', basicAuth('someone', 'key_sandbox_x'), 'request.authentication.invalid-project-id', /test-proj_/],
    ['a live project id', basicAuth('proj_liveLooking', 'key_sandbox_x'), 'request.authentication.invalid', /live/],
    ['a live secret', basicAuth(DEMO_PROJECT.id, 'key_live_fake'), 'request.authentication.invalid', /live/],
    ['a bearer token', 'Bearer abc', 'request.authentication.invalid', /Basic auth/],
  ])('refuses %s with a JSON 401', async (_label, auth, errorType, message) => {
    const response = await api.get('/', { auth });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, error_type: errorType });
    expect(response.body.message).toMatch(message);
  });

  it('accepts the key_test_ spelling of the sandbox secret', async () => {
    const secret = DEMO_PROJECT.secret.replace('key_sandbox_', 'key_test_');
    const response = await api.get('/', { auth: basicAuth(DEMO_PROJECT.id, secret) });
    expect(response.status).toBe(200);
  });

  it('checks credentials before validating the body', async () => {
    const response = await api.post('/invoices', { name: '' }, { auth: null });
    expect(response.status).toBe(401);
  });
});

describe('public key (project ID, empty secret)', () => {
  it('is enough for the routes ProcessOut.js calls', async () => {
    const invoice = await createInvoice(api);
    expect((await api.get(`/invoices/${invoice.id}`, { auth: PUBLIC_AUTH })).status).toBe(200);
    expect((await api.get('/gateway-configurations', { auth: PUBLIC_AUTH })).status).toBe(200);
  });

  it.each([
    ['POST', '/invoices'],
    ['GET', '/invoices'],
    ['GET', '/events'],
    ['POST', '/invoices/iv_x/capture'],
    ['POST', '/_sandbox/invoices/iv_x/complete'],
  ])('is refused on %s %s', async (method, path) => {
    const response = await api.request(method, path, { auth: PUBLIC_AUTH, json: method === 'POST' ? {} : undefined });
    expect(response.status).toBe(401);
    expect(response.body.error_type).toBe('request.authentication.invalid');
    expect(response.body.message).toMatch(/secret key/);
  });
});

describe('project isolation', () => {
  it("hides other projects' objects behind 404s", async () => {
    const invoice = await createInvoice(api);
    const fetched = await other.get(`/invoices/${invoice.id}`);
    expect(fetched.status).toBe(404);
    expect(fetched.body.error_type).toBe('resource.invoice.not-found');
    expect((await other.get(`/transactions/${invoice.transaction_id}`)).status).toBe(404);
    expect((await other.post(`/invoices/${invoice.id}/capture`, { source: 'gway_req_x' })).status).toBe(404);
    const listed = await other.get('/invoices');
    expect(listed.body.invoices.map((i: { id: string }) => i.id)).not.toContain(invoice.id);
  });

  it('gives each project its own gateway configuration ids', async () => {
    const mine = (await api.get('/gateway-configurations')).body.gateway_configurations.map((c: { id: string }) => c.id);
    const theirs = (await other.get('/gateway-configurations')).body.gateway_configurations.map((c: { id: string }) => c.id);
    expect(mine).toHaveLength(theirs.length);
    expect(mine.filter((id: string) => theirs.includes(id))).toEqual([]);
    const foreign = await other.post('/_sandbox/invoices/' + (await createInvoice(other)).id + '/complete', {
      gateway_configuration_id: mine[1],
      outcome: 'approve',
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_type).toBe('resource.gateway-configuration.not-found');
  });
});

describe('request.project', () => {
  it('is the calling project on a route with config.auth; on an open route it throws, naming the route', async () => {
    const app = await buildApp();
    app.get('/test-only/caller', { config: { auth: 'secret' } }, (request) => ({ id: request.project.id }));
    app.get('/test-only/open', (request) => {
      const error = (() => {
        try {
          return request.project.id;
        } catch (thrown) {
          return (thrown as Error).message;
        }
      })();
      return { authenticated: request.authenticatedProject, error };
    });
    const authorization = basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret);
    try {
      const caller = await app.inject({ method: 'GET', url: '/test-only/caller', headers: { authorization } });
      expect(caller.json()).toEqual({ id: DEMO_PROJECT.id });
      const open = await app.inject({ method: 'GET', url: '/test-only/open', headers: { authorization } });
      expect(open.json()).toEqual({
        authenticated: null,
        error: 'request.project read on GET /test-only/open, a route without config.auth',
      });
    } finally {
      await app.close();
    }
  });
});
