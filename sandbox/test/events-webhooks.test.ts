import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCheckout, createInvoice, startReceiver, startTestSandbox, waitFor } from './helpers.ts';
import { DEFAULT_WEBHOOK_RETRY } from '@apm-docs/sandbox';
import { retryDelayMs } from '../src/services/webhook-delivery.ts';
import { apiClient } from './lib/client.ts';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let projectReceiver: Receiver;
let invoiceReceiver: Receiver;
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  projectReceiver = await startReceiver([200]);
  invoiceReceiver = await startReceiver([200]);
  sandbox = await startTestSandbox({ webhookUrl: projectReceiver.url });
  api = apiClient(sandbox.url);
});
afterAll(async () => {
  await sandbox.close();
  await projectReceiver.close();
  await invoiceReceiver.close();
});

describe('the APM flow end to end', () => {
  it('create → headless approve → capture → event → webhook → fetch event', async () => {
    invoiceReceiver.answerWith([500, 200]);
    const invoice = await createInvoice(api, { webhook_url: invoiceReceiver.url, return_url: 'https://shop.example/return' });
    const completion = await completeCheckout(api, invoice.id, 'approve');
    const capture = await api.post(`/invoices/${invoice.id}/capture`, { source: completion.body.token });
    expect(capture.body.transaction.status).toBe('completed');

    // Both endpoints get {event_id, event_type} for both events; the invoice endpoint after a retry.
    const forInvoice = (r: Receiver) => r.received.filter((w) => w.body.event_type.startsWith('transaction.'));
    await waitFor(
      () => new Set(forInvoice(invoiceReceiver).map((w) => w.body.event_id)).size === 2 && invoiceReceiver.received.length >= 3,
    );
    const captured = invoiceReceiver.received.find((w) => w.body.event_type === 'transaction.captured')!;
    expect(Object.keys(captured.body).sort()).toEqual(['event_id', 'event_type']);
    expect(captured.headers['content-type']).toBe('application/json');
    await waitFor(() => projectReceiver.received.some((w) => w.body.event_id === captured.body.event_id));

    // What a webhook handler does next: fetch the event with the secret key and read the transaction.
    const event = await api.get(`/events/${captured.body.event_id}`);
    expect(event.status).toBe(200);
    expect(event.body.event).toMatchObject({
      id: captured.body.event_id,
      name: 'transaction.captured',
      sandbox: true,
      data: { name: 'transaction.captured', sandbox: true, transaction: { invoice_id: invoice.id, status: 'completed' } },
    });

    // The delivery log has one entry per attempt, the failed one included.
    const firstEvent = invoiceReceiver.received[0]!.body.event_id;
    const log = await waitFor(async () => {
      const webhooks = (await api.get(`/events/${firstEvent}/webhooks`)).body.webhooks as { request_url: string; status: string }[];
      const toInvoice = webhooks.filter((w) => w.request_url === invoiceReceiver.url);
      return toInvoice.some((w) => w.status === 'delivered') ? toInvoice : undefined;
    });
    expect(log.map((w) => w.status)).toEqual(['failed', 'delivered']);
    expect(log[0]).toMatchObject({ request_method: 'POST', response_code: '500', response_body: 'not now', attempt: 1 });
    expect(log[1]).toMatchObject({ response_code: '200', attempt: 2 });
    expect(typeof (log[1] as unknown as { response_time_ms: number }).response_time_ms).toBe('number');
  });

  it('pending: the transaction completes on its own and webhooks announce it', async () => {
    const invoice = await createInvoice(api, { webhook_url: invoiceReceiver.url });
    invoiceReceiver.answerWith([200]);
    const token = (await completeCheckout(api, invoice.id, 'pending')).body.token;
    await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    const types = async () => {
      const events = (await api.get('/events?limit=20')).body.events as {
        id: string;
        name: string;
        data: { transaction: { invoice_id: string } };
      }[];
      const mine = events.filter((e) => e.data.transaction.invoice_id === invoice.id);
      const delivered = mine.every((e) => invoiceReceiver.received.some((w) => w.body.event_id === e.id));
      return mine.length === 3 && delivered ? mine.map((e) => e.name).reverse() : undefined;
    };
    expect(await waitFor(types)).toEqual(['transaction.pending', 'transaction.authorized', 'transaction.captured']);
  });
});

describe('webhook retries', () => {
  it('stops after maxAttempts and logs the delivery as failed', async () => {
    const failing = await startReceiver([503]);
    try {
      const invoice = await createInvoice(api, { webhook_url: failing.url });
      await completeCheckout(api, invoice.id, 'decline');
      const events = (await api.get('/events?limit=50')).body.events as { id: string; data: { transaction: { invoice_id: string } } }[];
      const eventId = events.find((e) => e.data.transaction.invoice_id === invoice.id)!.id;
      // FAST allows 4 attempts.
      const log = await waitFor(async () => {
        const webhooks = (await api.get(`/events/${eventId}/webhooks`)).body.webhooks as {
          request_url: string;
          status: string;
          error_message: string;
        }[];
        const toFailing = webhooks.filter((w) => w.request_url === failing.url);
        return toFailing.length === 4 && toFailing.every((w) => w.status === 'failed') ? toFailing : undefined;
      });
      expect(log.map((w) => (w as unknown as { attempt: number }).attempt)).toEqual([1, 2, 3, 4]);
      expect(log[3]!.error_message).toMatch(/HTTP 503.*No more retries after 4 attempt/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(failing.received).toHaveLength(4);
    } finally {
      await failing.close();
    }
  });

  it('retries unreachable endpoints and respects the retry window', async () => {
    const local = await startTestSandbox({ webhookRetry: { baseMs: 30, factor: 2, maxAttempts: 10, retryWindowMs: 150 } });
    const client = apiClient(local.url);
    try {
      const invoice = await createInvoice(client, { webhook_url: 'http://127.0.0.1:9/closed' });
      await completeCheckout(client, invoice.id, 'decline');
      const eventId = (await client.get('/events')).body.events[0].id;
      const log = await waitFor(async () => {
        const webhooks = (await client.get(`/events/${eventId}/webhooks`)).body.webhooks as {
          status: string;
          error_message: string;
          response_code: null;
        }[];
        return webhooks.length > 1 && webhooks.every((w) => w.status === 'failed') ? webhooks : undefined;
      });
      // Retries after 30 ms and 60 ms fit in the 150 ms window; the next one (120 ms later) would not.
      expect(log).toHaveLength(3);
      expect(log[0]!.response_code).toBeNull();
      expect(log[0]!.error_message).toMatch(/Request failed/);
    } finally {
      await local.close();
    }
  });

  it('backs off exponentially with Euler growth by default, within ± jitter', () => {
    const noJitter = { ...DEFAULT_WEBHOOK_RETRY, jitter: 0 };
    expect(retryDelayMs(1, noJitter)).toBe(2000);
    expect(retryDelayMs(2, noJitter)).toBe(Math.round(2000 * Math.E));
    const total = Array.from({ length: noJitter.maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, noJitter)).reduce((a, b) => a + b);
    expect(total).toBeGreaterThan(48 * 3600_000);
    expect(total).toBeLessThan(72 * 3600_000);
    expect(retryDelayMs(1, DEFAULT_WEBHOOK_RETRY, () => 0)).toBe(1600);
    expect(retryDelayMs(1, DEFAULT_WEBHOOK_RETRY, () => 1)).toBe(2400);
  });
});

describe('events routes', () => {
  it('lists, fetches and 404s events', async () => {
    const list = await api.get('/events?limit=2');
    expect(list.status).toBe(200);
    expect(list.body.events).toHaveLength(2);
    expect(list.body.has_more).toBe(true);
    expect(list.body.events[0].id).toMatch(/^ev_[A-Za-z0-9]{32}$/);
    for (const path of ['/events/ev_nope', '/events/ev_nope/webhooks']) {
      const missing = await api.get(path);
      expect(missing.status).toBe(404);
      expect(missing.body.error_type).toBe('resource.event.not-found');
    }
  });
});
