// What the real API does that the sandbox now does too (issue 12, fidelity gaps): declines at capture
// (HTTP 410), events by resource id, invoice deletion, rate-limit headers and 429, invoice detail ids,
// canonical amounts, the event `webhooks` field and delivery `response_headers`. Every answer is also
// held to what the official SDKs decode (shared/reference/sdk/decoding/schemas.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { validateSdkAnswer } from '../../tests/sdk-conformance/lib/sdk-schemas.ts';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import {
  apmConfigurationId,
  completeCheckout,
  createInvoice,
  startReceiver,
  startTestSandbox,
  waitFor,
  useTestSandbox,
} from './helpers.ts';
import { apiClient, basicAuth, type ApiResponse } from './lib/client.ts';

const { sandbox, api } = useTestSandbox();
let confId: string;

beforeAll(async () => {
  confId = await apmConfigurationId(api);
});

function decodable(method: string, route: string, response: ApiResponse) {
  expect(validateSdkAnswer(method, route, response.status, response.body).errors).toEqual([]);
}

async function token(invoiceId: string, outcome = 'approve'): Promise<string> {
  const completed = await completeCheckout(api, invoiceId, outcome, confId);
  expect(completed.status).toBe(200);
  return completed.body.token;
}

describe('declines at capture time', () => {
  it('answers HTTP 410 with the decline code as error_type, saves the failure, and allows a new attempt', async () => {
    const invoice = await createInvoice(api);
    for (const action of ['capture', 'authorize']) {
      const declined = await api.post(`/invoices/${invoice.id}/${action}`, { source: await token(invoice.id, 'decline-at-capture') });
      expect(declined.status).toBe(410);
      expect(declined.body).toEqual({
        success: false,
        error_type: 'card.do-not-honor',
        message: 'The bank has returned a do-not-honor error',
      });
      decodable('POST', `/invoices/{id}/${action}`, declined);
    }
    const transaction = (await api.get(`/invoices/${invoice.id}/transactions`)).body.transaction;
    expect(transaction).toMatchObject({ status: 'failed', error_code: 'card.do-not-honor', attempts_count: 2 });
    const events = (await api.get(`/events/by_resource_id/${invoice.transaction_id}`)).body.events;
    expect(events.map((e: { name: string }) => e.name)).toEqual(['transaction.failed', 'transaction.failed']);
    const paid = await api.post(`/invoices/${invoice.id}/capture`, { source: await token(invoice.id) });
    expect(paid.body.transaction.status).toBe('completed');
  });

  it('saves the decline and replays the 410 for a repeated Idempotency-Key', async () => {
    const invoice = await createInvoice(api);
    const source = await token(invoice.id, 'decline-at-capture');
    const headers = { 'idempotency-key': `decline-${invoice.id}` };
    const first = await api.post(`/invoices/${invoice.id}/capture`, { source }, { headers });
    const again = await api.post(`/invoices/${invoice.id}/capture`, { source }, { headers });
    expect(again.status).toBe(410);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    // The decline is saved even though the answer is an error (the key's transaction commits it).
    expect((await api.get(`/invoices/${invoice.id}/transactions`)).body.transaction).toMatchObject({
      status: 'failed',
      error_code: 'card.do-not-honor',
    });
  });

  it('is a button on the test provider page', async () => {
    const invoice = await createInvoice(api);
    const html = await (await fetch(`${sandbox().url}/checkout/${DEMO_PROJECT.id}/${invoice.id}/redirect/${confId}`)).text();
    expect(html).toMatch(/<button type="submit" name="outcome" value="decline-at-capture"[^>]*>[^<]+<\/button>/);
  });
});

describe('GET /events/by_resource_id/{id}', () => {
  it("lists a transaction's or an invoice's events, newest first", async () => {
    const invoice = await createInvoice(api);
    await createInvoice(api); // another invoice's events must not show up
    await api.post(`/invoices/${invoice.id}/capture`, { source: await token(invoice.id) });
    for (const id of [invoice.transaction_id, invoice.id]) {
      const response = await api.get(`/events/by_resource_id/${id}`);
      expect(response.status).toBe(200);
      expect(response.body.events.map((e: { name: string }) => e.name)).toEqual(['transaction.captured', 'transaction.authorized']);
      decodable('GET', '/events', response);
    }
    const unknown = await api.get('/events/by_resource_id/tr_unknown');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_type).toBe('resource.event.not-found');
    expect((await api.get(`/events/by_resource_id/${invoice.id}`, { auth: null })).status).toBe(401);
  });
});

describe('DELETE /invoices/{id}', () => {
  it('deletes an unpaid invoice and refuses a paid one', async () => {
    const unpaid = await createInvoice(api);
    const deleted = await api.request('DELETE', `/invoices/${unpaid.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true });
    expect((await api.get(`/invoices/${unpaid.id}`)).body.error_type).toBe('resource.invoice.not-found');
    expect((await api.request('DELETE', `/invoices/${unpaid.id}`)).status).toBe(404);

    const paid = await createInvoice(api);
    await api.post(`/invoices/${paid.id}/capture`, { source: await token(paid.id) });
    const refused = await api.request('DELETE', `/invoices/${paid.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error_type).toBe('request.transaction.invalid-state');
    expect((await api.get(`/invoices/${paid.id}`)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('sends x-ratelimit and x-ratelimit-remaining on every answer', async () => {
    const ok = await api.get('/invoices?limit=1');
    const missing = await api.get('/invoices/iv_missing');
    const unauthenticated = await api.get('/invoices', { auth: null });
    const noRoute = await api.get('/nowhere');
    for (const response of [ok, missing, unauthenticated, noRoute]) {
      expect(response.headers.get('x-ratelimit')).toBe('3000');
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
    }
  });

  it('answers 429 request.rate.exceeded past the limit, per project', async () => {
    const other = { id: 'test-proj_rateLimitOtherProject00000001', secret: 'key_sandbox_rateLimitOtherSecret00000001' };
    const limited = await startTestSandbox({ rateLimit: { perMinute: 3, enforce: true }, extraProjects: [other] });
    try {
      const client = apiClient(limited.url);
      const remaining = [];
      for (let i = 0; i < 3; i++) {
        const response = await client.get('/invoices');
        expect(response.status).toBe(200);
        remaining.push(response.headers.get('x-ratelimit-remaining'));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const over = await client.get('/invoices');
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ success: false, error_type: 'request.rate.exceeded' });
      expect(over.headers.get('x-ratelimit')).toBe('3');
      expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
      decodable('GET', '/invoices/{id}', over);
      expect((await apiClient(limited.url, basicAuth(other.id, other.secret)).get('/invoices')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('invoice fields', () => {
  it('gives each detail an iv_det_ id and answers amounts in canonical form', async () => {
    const created = await api.post('/invoices', {
      name: 'Canonical',
      amount: '009.99',
      currency: 'EUR',
      details: [
        { name: 'Mug', amount: '0005.00', quantity: 2 },
        { name: 'Tea', amount: '4.99', discount_amount: '00.50' },
      ],
    });
    expect(created.status).toBe(200);
    decodable('POST', '/invoices', created);
    const { invoice } = created.body;
    expect(invoice.amount).toBe('9.99');
    expect(invoice.details).toMatchObject([
      { name: 'Mug', amount: '5.00', quantity: 2 },
      { name: 'Tea', amount: '4.99', discount_amount: '0.50', quantity: 1 },
    ]);
    for (const detail of invoice.details) expect(detail.id).toMatch(/^iv_det_[A-Za-z0-9]{32}$/);
    expect(new Set(invoice.details.map((d: { id: string }) => d.id)).size).toBe(2);
    expect((await api.get(`/invoices/${invoice.id}`)).body.invoice.details).toEqual(invoice.details);
    const transaction = (await api.get(`/invoices/${invoice.id}/transactions`)).body.transaction;
    expect(transaction.amount).toBe('9.99');
    const captured = await api.post(`/invoices/${invoice.id}/capture`, { source: await token(invoice.id), capture_amount: '004.50' });
    expect(captured.body.transaction.captured_amount).toBe('4.50');
  });
});

describe('event webhooks and delivery response_headers', () => {
  it("lists an event's delivery attempts on the event and each attempt's response headers", async () => {
    const receiver = await startReceiver([200]);
    try {
      const invoice = await createInvoice(api, { webhook_url: receiver.url });
      await api.post(`/invoices/${invoice.id}/authorize`, { source: await token(invoice.id) });
      const eventId = (await api.get(`/events/by_resource_id/${invoice.id}`)).body.events[0].id;
      const event = await waitFor(
        async () => {
          const response = await api.get(`/events/${eventId}`);
          return response.body.event.webhooks.some((w: { status: string }) => w.status === 'delivered') && response;
        },
        5_000,
        'delivery',
      );
      decodable('GET', '/events/{id}', event);
      const [attempt] = event.body.event.webhooks;
      expect(attempt).toMatchObject({ event_id: eventId, request_url: receiver.url, status: 'delivered', response_code: '200' });
      expect(attempt.response_headers).toMatch(/^content-type: text\/plain$/m);
      const log = await api.get(`/events/${eventId}/webhooks`);
      decodable('GET', '/events/{id}/webhooks', log);
      expect(log.body.webhooks).toEqual(event.body.event.webhooks);
      const listed = await api.get('/events?limit=5');
      decodable('GET', '/events', listed);
      expect(listed.body.events.every((e: { webhooks: unknown }) => Array.isArray(e.webhooks))).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});

describe('refunds', () => {
  async function capturedInvoice(fields: Record<string, unknown> = {}) {
    const invoice = await createInvoice(api, { amount: '10.00', ...fields });
    await api.post(`/invoices/${invoice.id}/capture`, { source: await token(invoice.id) });
    return invoice;
  }

  it('refunds partly, then fully, with events, webhooks and transaction fields', async () => {
    const receiver = await startReceiver([200]);
    try {
      const invoice = await capturedInvoice({ webhook_url: receiver.url });
      const path = `/transactions/${invoice.transaction_id}/refunds`;
      const partial = await api.post(path, { amount: '003.50', reason: 'customer_request', metadata: { ticket: 'T-1' } });
      expect(partial.status).toBe(200);
      expect(partial.body.refund).toMatchObject({
        transaction_id: invoice.transaction_id,
        amount: '3.50',
        reason: 'customer_request',
        metadata: { ticket: 'T-1' },
        has_failed: false,
        sandbox: true,
      });
      expect(partial.body.refund.id).toMatch(/^refd_[A-Za-z0-9]{32}$/);
      let transaction = (await api.get(`/transactions/${invoice.transaction_id}`)).body.transaction;
      expect(transaction).toMatchObject({ status: 'completed', refunded: false, refunded_amount: '3.50', available_amount: '6.50' });
      expect(transaction.operations.at(-1)).toMatchObject({ type: 'refund', amount: '3.50' });

      const tooMuch = await api.post(path, { amount: '7.00' });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.error_type).toBe('request.validation.invalid-amount');

      const rest = await api.post(path, { amount: '6.50' });
      expect(rest.body.refund).toMatchObject({ amount: '6.50', reason: 'other' });
      const transactionAnswer = await api.get(`/transactions/${invoice.transaction_id}`);
      decodable('GET', '/transactions/{id}', transactionAnswer);
      transaction = transactionAnswer.body.transaction;
      expect(transaction).toMatchObject({ status: 'refunded', refunded: true, refunded_amount: '10.00', available_amount: '0.00' });
      const nothingLeft = await api.post(path, { amount: '0.01' });
      expect(nothingLeft.body).toMatchObject({
        error_type: 'request.validation.invalid-amount',
        message: 'No amount is available on the transaction to be refunded.',
      });

      const listed = await api.get(path);
      expect(listed.body.refunds.map((r: { amount: string }) => r.amount)).toEqual(['3.50', '6.50']);

      const events = (await api.get(`/events/by_resource_id/${invoice.transaction_id}`)).body.events;
      expect(events.map((e: { name: string }) => e.name).slice(0, 2)).toEqual(['transaction.refunded', 'transaction.refunded']);
      expect(events[0].data.refund.id).toBe(rest.body.refund.id);
      expect(events[0].data.transaction.status).toBe('refunded');
      const byRefund = await api.get(`/events/by_resource_id/${partial.body.refund.id}`);
      expect(byRefund.body.events).toHaveLength(1);
      await waitFor(
        () => receiver.received.filter((w) => w.body.event_type === 'transaction.refunded').length === 2,
        5_000,
        'refund webhooks',
      );
      expect((await api.get(`/invoices/${invoice.id}?expand=transaction`)).body.invoice.transaction.status).toBe('refunded');
    } finally {
      await receiver.close();
    }
  });

  it('refuses refunds of transactions with nothing captured, and unknown transactions', async () => {
    const invoice = await createInvoice(api);
    const refused = await api.post(`/transactions/${invoice.transaction_id}/refunds`, { amount: '1.00' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('No amount is available on the transaction to be refunded.');
    expect((await api.post('/transactions/tr_unknown/refunds', { amount: '1.00' })).body.error_type).toBe('resource.transaction.not-found');
    expect((await api.get('/transactions/tr_unknown/refunds')).status).toBe(404);
    expect((await api.post(`/transactions/${invoice.transaction_id}/refunds`, {})).body.error_type).toBe(
      'request.validation.missing-amount',
    );
    expect((await api.post(`/transactions/${invoice.transaction_id}/refunds`, { amount: 1 })).body.error_type).toBe(
      'request.validation.invalid-amount',
    );
  });

  it('replays a refund for a repeated Idempotency-Key instead of refunding twice', async () => {
    const invoice = await capturedInvoice();
    const headers = { 'idempotency-key': `refund-${invoice.id}` };
    const path = `/transactions/${invoice.transaction_id}/refunds`;
    const first = await api.post(path, { amount: '1.00' }, { headers });
    const again = await api.post(path, { amount: '1.00' }, { headers });
    expect(again.body).toEqual(first.body);
    expect((await api.get(path)).body.refunds).toHaveLength(1);
  });
});
