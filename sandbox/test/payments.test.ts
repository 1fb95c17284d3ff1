import { beforeAll, describe, expect, it } from 'vitest';
import { apmConfigurationId, completeCheckout, createInvoice, waitFor, useTestSandbox } from './helpers.ts';

const { api } = useTestSandbox();
let confId: string;

beforeAll(async () => {
  confId = await apmConfigurationId(api);
});

async function approvedToken(invoiceId: string): Promise<string> {
  const response = await completeCheckout(api, invoiceId, 'approve', confId);
  expect(response.status).toBe(200);
  return response.body.token;
}

async function eventNames(invoiceId: string): Promise<string[]> {
  const events = (await api.get('/events?limit=100&order=asc')).body.events;
  return events
    .filter((e: { data: { transaction: { invoice_id: string } } }) => e.data.transaction.invoice_id === invoiceId)
    .map((e: { name: string }) => e.name);
}

describe('headless completion POST /_sandbox/invoices/{id}/complete', () => {
  it('approve mints a gway_req_ token carrying the request the provider would replay', async () => {
    const invoice = await createInvoice(api, { return_url: 'https://shop.example/return?step=2' });
    const response = await completeCheckout(api, invoice.id, 'approve', confId);
    expect(response.body).toMatchObject({ success: true, outcome: 'approve' });
    const token: string = response.body.token;
    expect(token).toMatch(/^gway_req_[A-Za-z0-9+/]+=*$/);
    const request = JSON.parse(Buffer.from(token.slice('gway_req_'.length), 'base64').toString('utf8'));
    expect(request).toMatchObject({ gateway_configuration_id: confId, method: 'POST' });
    expect(Object.keys(request).sort()).toEqual(['body', 'gateway_configuration_id', 'headers', 'method', 'url']);
    const redirect = new URL(response.body.redirect_url);
    expect(redirect.origin + redirect.pathname).toBe('https://shop.example/return');
    expect(redirect.searchParams.get('step')).toBe('2');
    expect(redirect.searchParams.get('token')).toBe(token);
  });

  it('decline fails the transaction with a real decline code and an event', async () => {
    const invoice = await createInvoice(api, { return_url: 'app.example://processout/return' });
    const response = await completeCheckout(api, invoice.id, 'decline', confId);
    expect(response.body).toMatchObject({ outcome: 'decline', error_code: 'payment.declined' });
    expect(response.body.token).toBeUndefined();
    expect(response.body.redirect_url).toBe('app.example://processout/return?error_code=payment.declined');
    const transaction = (await api.get(`/invoices/${invoice.id}/transactions`)).body.transaction;
    expect(transaction).toMatchObject({
      status: 'failed',
      error_code: 'payment.declined',
      gateway_configuration_id: confId,
      attempts_count: 1,
    });
    expect(await eventNames(invoice.id)).toEqual(['transaction.failed']);

    // A declined invoice can be paid on a new attempt.
    const token = await approvedToken(invoice.id);
    const captured = await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    expect(captured.body.transaction).toMatchObject({ status: 'completed', attempts_count: 2, error_code: null });
  });

  it('cancel goes to cancel_url, else to return_url with customer.canceled, and changes nothing', async () => {
    const withCancel = await createInvoice(api, { return_url: 'https://shop.example/r', cancel_url: 'https://shop.example/cart' });
    expect((await completeCheckout(api, withCancel.id, 'cancel', confId)).body).toMatchObject({
      outcome: 'cancel',
      error_code: 'customer.canceled',
      redirect_url: 'https://shop.example/cart',
    });
    const withoutCancel = await createInvoice(api, { return_url: 'https://shop.example/r' });
    expect((await completeCheckout(api, withoutCancel.id, 'cancel', confId)).body.redirect_url).toBe(
      'https://shop.example/r?error_code=customer.canceled',
    );
    const bare = await createInvoice(api);
    expect((await completeCheckout(api, bare.id, 'cancel', confId)).body.redirect_url).toBeNull();
    expect((await api.get(`/invoices/${bare.id}/transactions`)).body.transaction.status).toBe('waiting');
  });

  it.each([
    [{ outcome: 'approve' }, 'request.validation.missing-gateway-configuration-id'],
    [{ gateway_configuration_id: 'x' }, 'request.validation.missing-outcome'],
    [{ gateway_configuration_id: 'x', outcome: 'maybe' }, 'request.validation.invalid-outcome'],
  ])('validates %j', async (body, errorType) => {
    const invoice = await createInvoice(api);
    const response = await api.post(`/_sandbox/invoices/${invoice.id}/complete`, body);
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe(errorType);
  });

  it('answers 404 for unknown invoices and configurations', async () => {
    const unknownInvoice = await completeCheckout(api, 'iv_nope', 'approve', confId);
    expect(unknownInvoice.status).toBe(404);
    expect(unknownInvoice.body.error_type).toBe('resource.invoice.not-found');
    const invoice = await createInvoice(api);
    const unknownConf = await completeCheckout(api, invoice.id, 'approve', 'gway_conf_nope.sandbox');
    expect(unknownConf.status).toBe(404);
    expect(unknownConf.body.error_type).toBe('resource.gateway-configuration.not-found');
  });
});

describe('capture and authorize', () => {
  it('capture moves waiting → authorized → completed and returns {success, transaction}', async () => {
    const invoice = await createInvoice(api, { metadata: { order: '7' } });
    const token = await approvedToken(invoice.id);
    const response = await api.postForm(`/invoices/${invoice.id}/capture`, `source=${encodeURIComponent(token)}`);
    expect(response.status).toBe(200);
    expect(response.body.success).toBe(true);
    expect(response.body.transaction).toMatchObject({
      id: invoice.transaction_id,
      invoice_id: invoice.id,
      status: 'completed',
      authorized: true,
      captured: true,
      amount: '10.00',
      captured_amount: '10.00',
      gateway_configuration_id: confId,
      gateway_name: 'test-alternative-payment',
      metadata: { order: '7' },
    });
    expect(response.body.transaction.operations.map((o: { type: string }) => o.type)).toEqual(['request', 'authorization', 'capture']);
    expect(await eventNames(invoice.id)).toEqual(['transaction.authorized', 'transaction.captured']);
    const fetched = await api.get(`/transactions/${invoice.transaction_id}`);
    expect(fetched.body.transaction.status).toBe('completed');
  });

  it('authorize then capture (same token) then refuses a second capture', async () => {
    const invoice = await createInvoice(api);
    const token = await approvedToken(invoice.id);
    const authorized = await api.post(`/invoices/${invoice.id}/authorize`, { source: token });
    expect(authorized.body.transaction).toMatchObject({ status: 'authorized', authorized: true, captured: false });
    const again = await api.post(`/invoices/${invoice.id}/authorize`, { source: token });
    expect(again.status).toBe(400);
    expect(again.body.error_type).toBe('request.transaction.invalid-state');
    const captured = await api.post(`/invoices/${invoice.id}/capture`, { source: token, capture_amount: '4.50' });
    expect(captured.body.transaction).toMatchObject({ status: 'completed', captured_amount: '4.50' });
    const twice = await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    expect(twice.status).toBe(400);
    expect(twice.body.error_type).toBe('request.transaction.invalid-state');
  });

  it('capture with authorize_only stops at authorized; void cancels it', async () => {
    const invoice = await createInvoice(api);
    const token = await approvedToken(invoice.id);
    const authorized = await api.post(`/invoices/${invoice.id}/capture`, { source: token, authorize_only: true });
    expect(authorized.body.transaction.status).toBe('authorized');
    const voided = await api.request('POST', `/invoices/${invoice.id}/void`);
    expect(voided.status).toBe(200);
    expect(voided.body.transaction).toMatchObject({ status: 'voided', voided: true });
    const voidAgain = await api.post(`/invoices/${invoice.id}/void`);
    expect(voidAgain.status).toBe(400);
    expect(voidAgain.body.error_type).toBe('request.transaction.invalid-state');
    expect(await eventNames(invoice.id)).toEqual(['transaction.authorized', 'transaction.voided']);
  });

  it('void refuses a waiting transaction', async () => {
    const invoice = await createInvoice(api);
    const response = await api.post(`/invoices/${invoice.id}/void`);
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.transaction.invalid-state');
  });

  it('pending stays pending, then completes after the delay with events', async () => {
    const invoice = await createInvoice(api);
    const token = (await completeCheckout(api, invoice.id, 'pending', confId)).body.token;
    const response = await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    expect(response.body.transaction.status).toBe('pending');
    const tooEarly = await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    expect(tooEarly.body.error_type).toBe('request.transaction.invalid-state');
    await waitFor(async () => (await api.get(`/invoices/${invoice.id}/transactions`)).body.transaction.status === 'completed');
    expect(await eventNames(invoice.id)).toEqual(['transaction.pending', 'transaction.authorized', 'transaction.captured']);
  });

  it('refuses a missing source with request.validation.missing-source', async () => {
    const invoice = await createInvoice(api);
    for (const send of [
      () => api.post(`/invoices/${invoice.id}/capture`, {}),
      () => api.postForm(`/invoices/${invoice.id}/authorize`, 'source='),
    ]) {
      const response = await send();
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error_type: 'request.validation.missing-source', invalid_fields: [{ name: 'source' }] });
    }
  });

  it.each([
    ['a card source', 'card_123'],
    ['an unknown token', 'gway_req_V2UncmUgaGlyaW5nIQ=='],
  ])('refuses %s with request.source.invalid', async (_label, source) => {
    const invoice = await createInvoice(api);
    const response = await api.post(`/invoices/${invoice.id}/capture`, { source });
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.source.invalid');
  });

  it('refuses a token for another invoice and a used token', async () => {
    const first = await createInvoice(api);
    const second = await createInvoice(api);
    const token = await approvedToken(first.id);
    const wrongInvoice = await api.post(`/invoices/${second.id}/capture`, { source: token });
    expect(wrongInvoice.body).toMatchObject({ error_type: 'request.source.invalid' });
    expect(wrongInvoice.body.message).toMatch(/another invoice/);
    expect((await api.post(`/invoices/${first.id}/capture`, { source: token })).status).toBe(200);
    const third = await createInvoice(api);
    const reused = await api.post(`/invoices/${third.id}/capture`, { source: token });
    expect(reused.body.error_type).toBe('request.source.invalid');
  });

  it('hints at --data-urlencode when a form-encoded token lost its "+"', async () => {
    const invoice = await createInvoice(api);
    const token = await approvedToken(invoice.id);
    const response = await api.postForm(`/invoices/${invoice.id}/capture`, `source=${token.replace(/=/g, '%3D')}a+b`);
    expect(response.body.error_type).toBe('request.source.invalid');
    expect(response.body.message).toMatch(/--data-urlencode/);
  });

  it.each([
    ['above the invoice amount', '10.01'],
    ['with too many decimals', '1.001'],
  ])('refuses a capture_amount %s', async (_label, captureAmount) => {
    const invoice = await createInvoice(api);
    const token = await approvedToken(invoice.id);
    const response = await api.post(`/invoices/${invoice.id}/capture`, { source: token, capture_amount: captureAmount });
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.validation.invalid-amount');
    // The failed request used nothing up.
    expect((await api.post(`/invoices/${invoice.id}/capture`, { source: token })).status).toBe(200);
  });

  it('answers 404 for unknown invoices and transactions', async () => {
    for (const path of ['/invoices/iv_nope/capture', '/invoices/iv_nope/authorize', '/invoices/iv_nope/void']) {
      const response = await api.post(path, { source: 'gway_req_x' });
      expect(response.status).toBe(404);
      expect(response.body.error_type).toBe('resource.invoice.not-found');
    }
    expect((await api.get('/invoices/iv_nope/transactions')).body.error_type).toBe('resource.invoice.not-found');
    expect((await api.get('/transactions/tr_nope')).body.error_type).toBe('resource.transaction.not-found');
  });
});
