import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeCheckout, createInvoice, startReceiver, startTestSandbox, waitFor } from './helpers.ts';
import { apiClient } from './lib/client.ts';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('restart on a database file', () => {
  it('keeps objects, settles pending payments and resumes queued webhook deliveries', async () => {
    const dbPath = join(dir, 'nested', 'sandbox.db');
    const receiver = await startReceiver([500]);
    const hung = await startReceiver([0]);
    const slow = { pendingDelayMs: 500, webhookRetry: { baseMs: 400 } };
    const first = await startTestSandbox({ dbPath, webhookUrl: receiver.url, ...slow });
    const api1 = apiClient(first.url);
    const paid = await createInvoice(api1, { webhook_url: hung.url });
    await api1.post(`/invoices/${paid.id}/capture`, { source: (await completeCheckout(api1, paid.id, 'approve')).body.token });
    const pending = await createInvoice(api1);
    await api1.post(`/invoices/${pending.id}/capture`, { source: (await completeCheckout(api1, pending.id, 'pending')).body.token });
    // Three events (authorized, captured, pending): each first attempt fails, each retry is queued.
    // The invoice's own endpoint hangs, so its two deliveries are in flight when the sandbox stops.
    await waitFor(() => receiver.received.length >= 3 && hung.received.length >= 2);
    await first.close();

    receiver.answerWith([200]);
    hung.answerWith([200]);
    const second = await startTestSandbox({ dbPath, webhookUrl: receiver.url });
    const api2 = apiClient(second.url);
    try {
      expect((await api2.get(`/invoices/${paid.id}?expand=transaction`)).body.invoice.transaction.status).toBe('completed');
      // The pending payment completes at the time the first process scheduled.
      const settled = await waitFor(async () => {
        const transaction = (await api2.get(`/invoices/${pending.id}/transactions`)).body.transaction;
        return transaction.status === 'completed' ? transaction : undefined;
      }, 5_000);
      expect(settled.captured).toBe(true);
      // Every event is eventually delivered, including those queued before the restart.
      const events = (await api2.get('/events?limit=100')).body.events as { id: string }[];
      expect(events).toHaveLength(5);
      await waitFor(
        async () => {
          for (const event of events) {
            const log = (await api2.get(`/events/${event.id}/webhooks`)).body.webhooks as { request_url: string; status: string }[];
            const endpoints = new Set(log.map((w) => w.request_url));
            for (const endpoint of endpoints) {
              if (!log.some((w) => w.request_url === endpoint && w.status === 'delivered')) return false;
            }
          }
          return true;
        },
        5_000,
        'all deliveries',
      );
      // The interrupted deliveries were sent again (at least once), after the restart.
      expect(hung.received.filter((w) => w.body.event_type === 'transaction.captured').length).toBeGreaterThanOrEqual(2);
    } finally {
      await second.close();
      await receiver.close();
      await hung.close();
    }
  });
});
