import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT, MAX_DELIVERIES_IN_FLIGHT, startSandbox, type WebhookRetryOptions } from '@apm-docs/sandbox';
import { completeCheckout, createInvoice, waitFor } from '../helpers.ts';
import { recordFigures } from './lib/figures.ts';
import { OK, startWebhookReceiver, unusedPort, type ReceiverAction, type WebhookReceiver } from './lib/webhook-receiver.ts';
import { basicAuth, apiClient, type ApiClient } from '../lib/client.ts';

// Webhook receiver faults, with real endpoints on 127.0.0.1 and a fast retry schedule: an endpoint
// that is down, slow, answering 500 or dropping the connection is retried with growing delays until
// it accepts; every attempt is in the delivery log; the merchant gets each event at least once; an
// endpoint down for longer than the retry window ends up logged as failed.

const RETRY: Partial<WebhookRetryOptions> = { baseMs: 80, factor: 2, jitter: 0, maxAttempts: 8, retryWindowMs: 60_000, timeoutMs: 250 };
const FAILURES_BEFORE_SUCCESS = 2;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface LogEntry {
  request_url: string;
  attempt: number;
  status: 'pending' | 'delivered' | 'failed';
  response_code: string | null;
  error_message: string | null;
  release_at: string;
}

const figures = { webhookDeliveriesAttempted: 0, webhookDeliveriesSucceeded: 0, webhookDeliveriesFailedForGood: 0 };
const receivers: WebhookReceiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  recordFigures('webhook-faults', figures);
});

/** Creates and captures an invoice whose webhook_url is `url`; returns its two event ids. */
async function payInvoice(api: ApiClient, url: string): Promise<string[]> {
  const invoice = await createInvoice(api, { webhook_url: url });
  const token = (await completeCheckout(api, invoice.id, 'approve')).body.token as string;
  expect((await api.post(`/invoices/${invoice.id}/capture`, { source: token })).status).toBe(200);
  const events = (await api.get('/events?limit=100')).body.events as { id: string; data: { transaction: { invoice_id: string } } }[];
  return events.filter((event) => event.data.transaction.invoice_id === invoice.id).map((event) => event.id);
}

async function deliveryLog(api: ApiClient, eventId: string): Promise<LogEntry[]> {
  return (await api.get(`/events/${eventId}/webhooks`)).body.webhooks as LogEntry[];
}

function tally(log: LogEntry[]): void {
  figures.webhookDeliveriesAttempted += log.filter((entry) => entry.status !== 'pending').length;
  figures.webhookDeliveriesSucceeded += log.filter((entry) => entry.status === 'delivered').length;
}

/** Attempts are numbered 1..n, all failed but the last, which was delivered; delays grow as configured. */
function expectRetriedUntilDelivered(log: LogEntry[], failureMessage: RegExp): void {
  expect(log.map((entry) => entry.attempt)).toEqual(log.map((_, i) => i + 1));
  expect(log.at(-1)!.status).toBe('delivered');
  for (const failed of log.slice(0, -1)) {
    expect(failed.status).toBe('failed');
    expect(failed.error_message).toMatch(failureMessage);
  }
  const releases = log.map((entry) => Date.parse(entry.release_at));
  for (let n = 1; n < releases.length; n++) {
    expect(releases[n]! - releases[n - 1]!).toBeGreaterThanOrEqual(RETRY.baseMs! * RETRY.factor! ** (n - 1));
  }
}

describe('webhook receiver faults', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ webhookRetry: RETRY });
    api = apiClient(sandbox.url, basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret));
  });
  afterAll(() => sandbox.close());

  const flaky = (failure: ReceiverAction) => (previous: number) => (previous < FAILURES_BEFORE_SUCCESS ? failure : OK);

  const faults: [name: string, failure: ReceiverAction, logged: RegExp][] = [
    ['answering 500', { kind: 'answer', status: 500 }, /HTTP 500/],
    ['slower than the timeout', { kind: 'answer', status: 200, delayMs: 3_000 }, /no answer within 250 ms/],
    ['closing the connection', { kind: 'close' }, /Request failed/],
  ];
  it.each(faults)('retries an endpoint %s with backoff until it accepts, logging every attempt', async (_name, failure, message) => {
    const receiver = await startWebhookReceiver(flaky(failure));
    receivers.push(receiver);
    // Garbage collection while a slow endpoint is being waited for: it once silently disabled the
    // attempt timeout (a timeout signal behind AbortSignal.any was collected).
    const collecting = setInterval(() => failure.kind === 'answer' && failure.delayMs && collectGarbage(), 100);
    const eventIds = await payInvoice(api, receiver.url);
    expect(eventIds).toHaveLength(2);
    await waitFor(() => eventIds.every((id) => receiver.acknowledged().has(id)), 10_000, 'delivery').finally(() =>
      clearInterval(collecting),
    );
    for (const eventId of eventIds) {
      const log = await waitFor(
        async () => {
          const entries = await deliveryLog(api, eventId);
          return entries.at(-1)?.status === 'delivered' ? entries : undefined;
        },
        10_000,
        'the delivered attempt in the log',
      );
      tally(log);
      expectRetriedUntilDelivered(log, message);
      expect(log).toHaveLength(FAILURES_BEFORE_SUCCESS + 1);
      // Every logged attempt reached the endpoint, and the endpoint saw no attempt that is not logged.
      expect(receiver.received.filter((d) => d.eventId === eventId)).toHaveLength(log.length);
      if (failure.kind === 'answer' && failure.status === 500) expect(log.slice(0, -1).map((e) => e.response_code)).toEqual(['500', '500']);
    }
  });

  it('retries an endpoint that is down until it comes up', async () => {
    const port = await unusedPort();
    const url = `http://127.0.0.1:${port}/webhooks`;
    const eventIds = await payInvoice(api, url);
    await waitFor(
      async () => (await deliveryLog(api, eventIds[0]!)).filter((e) => e.status === 'failed').length >= 2,
      5_000,
      'two failed attempts',
    );
    const receiver = await startWebhookReceiver(() => OK, port);
    receivers.push(receiver);
    await waitFor(() => eventIds.every((id) => receiver.acknowledged().has(id)), 10_000, 'delivery once the endpoint is up');
    for (const eventId of eventIds) {
      const log = await waitFor(
        async () => {
          const entries = await deliveryLog(api, eventId);
          return entries.at(-1)?.status === 'delivered' ? entries : undefined;
        },
        10_000,
        'the delivered attempt in the log',
      );
      tally(log);
      expectRetriedUntilDelivered(log, /ECONNREFUSED/);
      expect(log.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('sends a burst of events to a slow endpoint a bounded number at a time, and delivers them all', async () => {
    // A generous timeout: this is about concurrency, not retries.
    const patient = await startSandbox({ webhookRetry: { ...RETRY, timeoutMs: 10_000 } });
    try {
      const patientApi = apiClient(patient.url, basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret));
      const receiver = await startWebhookReceiver(() => ({ kind: 'answer', status: 200, delayMs: 100 }));
      receivers.push(receiver);
      const eventIds = (
        await Promise.all(Array.from({ length: MAX_DELIVERIES_IN_FLIGHT }, () => payInvoice(patientApi, receiver.url)))
      ).flat();
      expect(eventIds).toHaveLength(2 * MAX_DELIVERIES_IN_FLIGHT);
      await waitFor(() => eventIds.every((id) => receiver.acknowledged().has(id)), 30_000, 'every event delivered');
      expect(receiver.maxConcurrent()).toBeGreaterThan(1);
      expect(receiver.maxConcurrent()).toBeLessThanOrEqual(MAX_DELIVERIES_IN_FLIGHT);
      expect(receiver.received).toHaveLength(eventIds.length);
      for (const eventId of eventIds) tally(await deliveryLog(patientApi, eventId));
    } finally {
      await patient.close();
    }
  });

  it('logs an endpoint that stays down beyond the retry window as failed', async () => {
    const windowed = await startSandbox({ webhookRetry: { ...RETRY, maxAttempts: 20, retryWindowMs: 500 } });
    try {
      const windowedApi = apiClient(windowed.url, basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret));
      const url = `http://127.0.0.1:${await unusedPort()}/webhooks`;
      const eventIds = await payInvoice(windowedApi, url);
      for (const eventId of eventIds) {
        const log = await waitFor(
          async () => {
            const entries = await deliveryLog(windowedApi, eventId);
            return entries.length > 0 && entries.every((e) => e.status === 'failed') ? entries : undefined;
          },
          5_000,
          'the last attempt',
        );
        tally(log);
        figures.webhookDeliveriesFailedForGood++;
        // Attempts at about 0, 80 and 240 ms (later on a busy machine); the next would fall after the 500 ms window.
        expect(log.length).toBeGreaterThanOrEqual(2);
        expect(log.length).toBeLessThanOrEqual(3);
        expect(log.at(-1)!.error_message).toContain(`No more retries after ${log.length} attempt(s)`);
        const releases = log.map((entry) => Date.parse(entry.release_at));
        expect(releases.at(-1)! - releases[0]!).toBeLessThanOrEqual(500);
      }
      // Nothing is still queued: the failure is final.
      await new Promise((resolve) => setTimeout(resolve, 700));
      for (const eventId of eventIds) expect((await deliveryLog(windowedApi, eventId)).every((e) => e.status === 'failed')).toBe(true);
    } finally {
      await windowed.close();
    }
  });
});
