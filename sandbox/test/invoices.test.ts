import { describe, expect, it } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { createInvoice, useTestSandbox } from './helpers.ts';
import { apiClient, basicAuth } from './lib/client.ts';

// A project of its own, so the listing test sees only the invoices it creates.
const LISTING_PROJECT = { id: 'test-proj_invoiceListingTestProject00000001', secret: 'key_sandbox_invoiceListingTestProjectSecret1' };

const { sandbox, api } = useTestSandbox({ extraProjects: [LISTING_PROJECT] });

describe('GET /', () => {
  it('confirms the credentials and lists API versions', async () => {
    const response = await api.get('/');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, project_id: DEMO_PROJECT.id, sandbox: true });
    expect(response.body.versions).toContain('1.4.0.0');
  });
});

describe('POST /invoices', () => {
  it('creates an invoice from JSON with a waiting transaction', async () => {
    const response = await api.post('/invoices', {
      name: 'Order #42',
      amount: '9.99',
      currency: 'USD',
      return_url: 'https://shop.example/return',
      metadata: { order: '42' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const invoice = response.body.invoice;
    expect(response.body.success).toBe(true);
    expect(invoice.id).toMatch(/^iv_[A-Za-z0-9]{32}$/);
    expect(invoice.transaction_id).toMatch(/^tr_[A-Za-z0-9]{32}$/);
    expect(invoice).toMatchObject({
      project_id: DEMO_PROJECT.id,
      name: 'Order #42',
      amount: '9.99',
      currency: 'USD',
      sandbox: true,
      metadata: { order: '42' },
      return_url: 'https://shop.example/return',
      cancel_url: null,
    });
    expect(invoice).not.toHaveProperty('status');
    expect(invoice.url).toBe(`${sandbox().url}/checkout/${DEMO_PROJECT.id}/${invoice.id}`);
    expect(new Date(invoice.created_at).toISOString()).toBe(invoice.created_at);

    const transaction = await api.get(`/invoices/${invoice.id}/transactions`);
    expect(transaction.body.transaction).toMatchObject({ id: invoice.transaction_id, status: 'waiting', invoice_id: invoice.id });
  });

  it('reads form bodies with bracket nesting like curl -d', async () => {
    const form = [
      'name=Form+order',
      'amount=15.50',
      'currency=EUR',
      'metadata[skip_processoutjs]=true',
      'metadata[note]=a%20b',
      'details[0][name]=Mug',
      'details[0][amount]=15.50',
      'details[0][quantity]=1',
      'return_url=your.application.id%3A%2F%2Fprocessout%2Freturn',
    ].join('&');
    const response = await api.postForm('/invoices', form);
    expect(response.status).toBe(200);
    expect(response.body.invoice).toMatchObject({
      name: 'Form order',
      amount: '15.50',
      metadata: { skip_processoutjs: 'true', note: 'a b' },
      details: [{ name: 'Mug', amount: '15.50', quantity: 1 }],
      return_url: 'your.application.id://processout/return',
    });
  });

  it('tolerates SDK quirks: nulls for unset fields (Node), option keys in the body (Go, Ruby)', async () => {
    const response = await api.post('/invoices', {
      name: 'Quirky',
      amount: '1.00',
      currency: 'GBP',
      return_url: null,
      cancel_url: '',
      customer_id: null,
      expand: [],
      filter: '',
      limit: 0,
      end_before: '',
      start_after: '',
    });
    expect(response.status).toBe(200);
    expect(response.body.invoice).toMatchObject({ return_url: null, cancel_url: null, customer_id: null });
  });

  it.each([
    [{ amount: '1.00', currency: 'USD' }, 'request.validation.missing-name', 'name'],
    [{ name: 'x', currency: 'USD' }, 'request.validation.missing-amount', 'amount'],
    [{ name: 'x', amount: '1.00' }, 'request.validation.missing-currency', 'currency'],
    [{ name: 'x', amount: 'ten', currency: 'USD' }, 'request.validation.invalid-amount', 'amount'],
    [{ name: 'x', amount: '-1', currency: 'USD' }, 'request.validation.invalid-amount', 'amount'],
    [{ name: 'x', amount: 10, currency: 'USD' }, 'request.validation.invalid-amount', 'amount'],
    [{ name: 'x', amount: '100.5', currency: 'JPY' }, 'request.validation.invalid-amount', 'amount'],
    [{ name: 'x', amount: '1.001', currency: 'EUR' }, 'request.validation.invalid-amount', 'amount'],
    [{ name: 'x', amount: '1.00', currency: 'XYZ' }, 'request.validation.invalid-currency', 'currency'],
    [{ name: 'x', amount: '1.00', currency: 'usd' }, 'request.validation.invalid-currency', 'currency'],
    [{ name: 'x'.repeat(81), amount: '1.00', currency: 'USD' }, 'request.validation.invalid-name', 'name'],
    [{ name: 'x', amount: '1.00', currency: 'USD', return_url: 'javascript:alert(1)' }, 'request.validation.invalid-url', 'return_url'],
    [{ name: 'x', amount: '1.00', currency: 'USD', return_url: 'data:text/html,hi' }, 'request.validation.invalid-url', 'return_url'],
    [{ name: 'x', amount: '1.00', currency: 'USD', return_url: 'VBScript://x' }, 'request.validation.invalid-url', 'return_url'],
    [{ name: 'x', amount: '1.00', currency: 'USD', cancel_url: 'file:///etc/passwd' }, 'request.validation.invalid-url', 'cancel_url'],
    [{ name: 'x', amount: '1.00', currency: 'USD', return_url: '/relative' }, 'request.validation.invalid-url', 'return_url'],
    [{ name: 'x', amount: '1.00', currency: 'USD', webhook_url: 'app.id://hook' }, 'request.validation.invalid-url', 'webhook_url'],
    [{ name: 'x', amount: '1.00', currency: 'USD', metadata: { a: { b: 'c' } } }, 'request.validation.invalid-metadata', 'metadata.a'],
  ])('refuses %j with %s', async (body, errorType, field) => {
    const response = await api.post('/invoices', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, error_type: errorType });
    expect(typeof response.body.message).toBe('string');
    expect(response.body.invalid_fields.map((f: { name: string }) => f.name)).toContain(field);
  });

  it('accepts currencies by their own minor units', async () => {
    await expect(createInvoice(api, { amount: '1500', currency: 'JPY' })).resolves.toMatchObject({ amount: '1500' });
    await expect(createInvoice(api, { amount: '1.234', currency: 'KWD' })).resolves.toMatchObject({ amount: '1.234' });
  });
});

describe('GET /invoices/{id}', () => {
  it('fetches an invoice and expands its transaction', async () => {
    const invoice = await createInvoice(api);
    const plain = await api.get(`/invoices/${invoice.id}`);
    expect(plain.status).toBe(200);
    expect(plain.body.invoice.id).toBe(invoice.id);
    expect(plain.body.invoice).not.toHaveProperty('transaction');

    for (const query of ['expand=transaction', 'expand[]=transaction', 'expand=customer,transaction', 'expand=a&expand=transaction']) {
      const expanded = await api.get(`/invoices/${invoice.id}?${query}`);
      expect(expanded.body.invoice.transaction).toMatchObject({ id: invoice.transaction_id, status: 'waiting' });
    }
  });

  it('answers resource.invoice.not-found as JSON', async () => {
    const response = await api.get('/invoices/iv_doesNotExist');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ success: false, error_type: 'resource.invoice.not-found' });
  });
});

describe('GET /invoices', () => {
  it('lists newest first with has_more and cursors, ignoring empty Go options', async () => {
    const client = apiClient(sandbox().url, basicAuth(LISTING_PROJECT.id, LISTING_PROJECT.secret));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createInvoice(client, { name: `n${i}` })).id);
    const first = await client.get('/invoices?limit=2&filter=&end_before=&start_after=');
    expect(first.status).toBe(200);
    expect(first.body.invoices.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.has_more).toBe(true);
    const next = await client.get(`/invoices?limit=2&start_after=${ids[1]}`);
    expect(next.body.invoices.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(next.body.has_more).toBe(false);
    const all = await client.get('/invoices?limit=0&order=asc&expand=transaction');
    expect(all.body.invoices.map((i: { id: string }) => i.id)).toEqual(ids);
    expect(all.body.invoices[0].transaction.status).toBe('waiting');
    const tooMany = await client.get('/invoices?limit=1000');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error_type).toBe('request.validation.invalid-limit');
  });
});
