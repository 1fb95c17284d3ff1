// Regression tests for the hostile-input audit (issue 12, defects 2, 3, 4, 5 and 10).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { checkoutCsp } from '../src/lib/html.ts';
import { apmConfigurationId, completeCheckout, createInvoice, startTestSandbox, waitFor, useTestSandbox } from './helpers.ts';
import { apiClient, basicAuth, DEMO_AUTH } from './lib/client.ts';

const { sandbox, api } = useTestSandbox();
let confId: string;

beforeAll(async () => {
  confId = await apmConfigurationId(api);
});

const pagePath = (invoiceId: string) => `/checkout/${DEMO_PROJECT.id}/${invoiceId}/redirect/${confId}`;

async function choose(invoiceId: string, outcome: string) {
  return fetch(`${sandbox().url}${pagePath(invoiceId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `outcome=${outcome}`,
    redirect: 'manual',
  });
}

describe('redirect targets (defect 2)', () => {
  it('serialises a non-ASCII cancel_url into a valid Location', async () => {
    const invoice = await createInvoice(api, {
      return_url: 'https://ショップ.example/return',
      cancel_url: 'https://例え.jp/c',
      metadata: { skip_processoutjs: 'true' },
    });
    const cancel = await choose(invoice.id, 'cancel');
    expect(cancel.status).toBe(302);
    expect(cancel.headers.get('location')).toBe('https://xn--r8jz45g.jp/c');
    const approve = await choose(invoice.id, 'approve');
    expect(approve.status).toBe(302);
    expect(approve.headers.get('location')).toMatch(/^https:\/\/xn--[a-z0-9-]+\.example\/return\?token=gway_req_/);
    const headless = await completeCheckout(api, invoice.id, 'cancel', confId);
    expect(headless.body.redirect_url).toBe('https://xn--r8jz45g.jp/c');
  });

  it('percent-encodes a non-ASCII deep link', async () => {
    const invoice = await createInvoice(api, { cancel_url: 'app.id://processout/annulé', metadata: { skip_processoutjs: 'true' } });
    const cancel = await choose(invoice.id, 'cancel');
    expect(cancel.status).toBe(302);
    expect(cancel.headers.get('location')).toBe('app.id://processout/annul%C3%A9');
  });
});

describe('webhook delivery reads at most what it keeps (defect 3)', () => {
  let server: Server;
  let url: string;
  const responses: { written: number; finished: boolean; closedAt: number }[] = [];
  const TOTAL = 64 * 1024 * 1024;

  beforeAll(async () => {
    // An endpoint whose answer would be 64 MB: it writes as fast as the client reads and records how
    // much it could write before the client hung up.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const record = { written: 0, finished: false, closedAt: 0 };
        responses.push(record);
        res.writeHead(200, { 'content-type': 'text/plain', 'x-endpoint': 'big' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (record.written < TOTAL) {
            record.written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end(() => (record.finished = true));
        };
        res.on('close', () => (record.closedAt = Date.now()));
        pump();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  it('stops reading after the kept bytes and hangs up', async () => {
    const invoice = await createInvoice(api, { webhook_url: url });
    const { token } = (await completeCheckout(api, invoice.id, 'approve', confId)).body;
    await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    const events = (await api.get('/events?limit=2')).body.events;
    const eventId = events[0].id as string;
    const delivered = await waitFor(
      async () => {
        const webhooks = (await api.get(`/events/${eventId}/webhooks`)).body.webhooks;
        return webhooks.find((w: { status: string }) => w.status === 'delivered');
      },
      10_000,
      'delivery',
    );
    expect(delivered.response_code).toBe('200');
    expect(delivered.response_body).toHaveLength(2_000);
    await waitFor(() => responses.length > 0 && responses.every((r) => r.closedAt > 0), 5_000, 'endpoint connections closed');
    for (const response of responses) {
      expect(response.finished).toBe(false);
      // Socket buffers hold a few MB at most; the whole answer is 64 MB.
      expect(response.written).toBeLessThan(8 * 1024 * 1024);
    }
  });
});

describe('end_before pagination (defect 4)', () => {
  it('returns the page just before the cursor, in both orders', async () => {
    const other = { id: 'test-proj_pagingEndBeforeProject0000001', secret: 'key_sandbox_pagingEndBeforeSecret0000001' };
    const own = await startTestSandbox({ extraProjects: [other] });
    try {
      const client = apiClient(own.url, basicAuth(other.id, other.secret));
      const ids: string[] = [];
      for (let i = 1; i <= 25; i++) {
        const created = await client.post('/invoices', { name: `P${i}`, amount: '1.00', currency: 'EUR' });
        ids.push(created.body.invoice.id);
      }
      const names = (body: { invoices: { name: string }[] }) => body.invoices.map((invoice) => invoice.name);
      const desc = await client.get(`/invoices?limit=5&end_before=${ids[9]}`);
      expect(names(desc.body)).toEqual(['P15', 'P14', 'P13', 'P12', 'P11']);
      expect(desc.body.has_more).toBe(true);
      const asc = await client.get(`/invoices?limit=5&order=asc&end_before=${ids[9]}`);
      expect(names(asc.body)).toEqual(['P5', 'P6', 'P7', 'P8', 'P9']);
      expect(asc.body.has_more).toBe(true);
      const first = await client.get(`/invoices?limit=5&order=asc&end_before=${ids[3]}`);
      expect(names(first.body)).toEqual(['P1', 'P2', 'P3']);
      expect(first.body.has_more).toBe(false);
      const spec = (await client.get('/openapi.json')).body;
      const param = spec.paths['/invoices'].get.parameters.find((p: { name: string }) => p.name === 'end_before');
      expect(param.description ?? param.schema.description).toMatch(/just before/i);
    } finally {
      await own.close();
    }
  });
});

describe('CSP of the checkout pages (defect 5)', () => {
  it('cannot be extended by invoice URLs', async () => {
    const created = await api.post('/invoices', {
      name: 'x',
      amount: '1.00',
      currency: 'EUR',
      return_url: 'https://shop.example;connect-src/r',
      cancel_url: 'https://*/c',
    });
    if (created.status === 200) {
      const page = await fetch(`${sandbox().url}${pagePath(created.body.invoice.id)}`);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).not.toMatch(/connect-src/);
      expect(csp).not.toContain('*');
    } else {
      expect(created.status).toBe(400);
      expect(created.body.error_type).toBe('request.validation.invalid-url');
    }
  });

  it('drops any form target that is not a plain source, whoever passes it', () => {
    const csp = checkoutCsp('n0nce', [
      'https://shop.example;connect-src',
      'https://*',
      "'unsafe-inline'",
      'https://ok.example:8443',
      'app.id:',
    ]);
    expect(csp).toContain("form-action 'self' https://ok.example:8443 app.id:;");
    expect(csp.split(';')).toHaveLength(7);
  });

  it('only puts scheme, host and port origins in form-action', async () => {
    const invoice = await createInvoice(api, { return_url: 'https://例え.jp:8443/r?x=1', cancel_url: 'my.app://c' });
    const page = await fetch(`${sandbox().url}${pagePath(invoice.id)}`);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' https://xn--r8jz45g.jp:8443 my.app:;");
  });
});

describe('request bodies (defect 10)', () => {
  it('keeps form metadata keys named like Object.prototype members', async () => {
    const response = await api.postForm(
      '/invoices',
      'name=x&amount=1.00&currency=EUR&metadata[toString]=a&metadata[valueOf]=b&metadata[hasOwnProperty]=c',
    );
    expect(response.status).toBe(200);
    expect(response.body.invoice.metadata).toEqual({ toString: 'a', valueOf: 'b', hasOwnProperty: 'c' });
  });

  it('refuses invalid UTF-8 with a JSON 400', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","amount":"1.00","currency":"EUR"}')]);
    for (const [type, body] of [
      ['application/json', bytes],
      ['application/x-www-form-urlencoded', Buffer.concat([Buffer.from('amount=1.00&currency=EUR&name='), Buffer.from([0xc3, 0x28])])],
      ['application/x-www-form-urlencoded', Buffer.from('amount=1.00&currency=EUR&name=%FF%FE')],
    ] as const) {
      const response = await fetch(`${sandbox().url}/invoices`, {
        method: 'POST',
        headers: { authorization: DEMO_AUTH, 'content-type': type },
        body,
      });
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json).toMatchObject({ success: false, error_type: 'request.bad-format' });
      expect(json.message).toMatch(/UTF-8/);
    }
  });

  it('refuses details[].amount as a JSON number like top-level amounts', async () => {
    const response = await api.post('/invoices', { name: 'x', amount: '5.00', currency: 'EUR', details: [{ name: 'Mug', amount: 5 }] });
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.validation.invalid-amount');
    expect(response.body.invalid_fields[0].name).toBe('details.0.amount');
  });

  it('replays a validation 400 for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `bad-${Date.now()}` };
    const first = await api.post('/invoices', { amount: '1.00', currency: 'EUR' }, { headers });
    expect(first.status).toBe(400);
    expect(first.body.error_type).toBe('request.validation.missing-name');
    const again = await api.post('/invoices', { amount: '1.00', currency: 'EUR' }, { headers });
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    const numeric = { 'idempotency-key': `numeric-${Date.now()}` };
    await api.post('/invoices', { name: 'x', amount: 1, currency: 'EUR' }, { headers: numeric });
    const replayed = await api.post('/invoices', { name: 'x', amount: 1, currency: 'EUR' }, { headers: numeric });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not let a second, never-used token capture an authorized transaction', async () => {
    const invoice = await createInvoice(api);
    const first = (await completeCheckout(api, invoice.id, 'approve', confId)).body.token;
    const second = (await completeCheckout(api, invoice.id, 'approve', confId)).body.token;
    const authorized = await api.post(`/invoices/${invoice.id}/authorize`, { source: first });
    expect(authorized.body.transaction.status).toBe('authorized');
    const stolen = await api.post(`/invoices/${invoice.id}/capture`, { source: second });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error_type).toBe('request.source.invalid');
    const rightful = await api.post(`/invoices/${invoice.id}/capture`, { source: first });
    expect(rightful.body.transaction.status).toBe('completed');
  });
});
