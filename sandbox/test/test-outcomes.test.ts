import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OUTCOMES } from '../src/services/test-outcomes.ts';
import { CHECKOUT_OUTCOMES } from '../src/services/checkout-flow.ts';
import { apmConfigurationId, completeCheckout, createInvoice, startReceiver, useTestSandbox, waitFor } from './helpers.ts';

// The outcome list the docs' "Test outcomes" page and the checkout buttons are made from, held to what the
// sandbox does when each outcome is played through the API.
const { sandbox, api } = useTestSandbox();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let confId: string;

beforeAll(async () => {
  receiver = await startReceiver();
  confId = await apmConfigurationId(api);
});
afterAll(() => receiver.close());

async function eventNames(invoiceId: string): Promise<string[]> {
  const events = (await api.get('/events?limit=100&order=asc')).body.events as {
    name: string;
    data: { transaction: { invoice_id: string } };
  }[];
  return events.filter((event) => event.data.transaction.invoice_id === invoiceId).map((event) => event.name);
}

describe('the test outcomes list', () => {
  it('has one entry per outcome the checkout offers', () => {
    expect(TEST_OUTCOMES.map((entry) => entry.outcome).sort()).toEqual([...CHECKOUT_OUTCOMES].sort());
  });

  it('labels the provider page buttons', async () => {
    const invoice = await createInvoice(api);
    const page = await fetch(`${sandbox().url}/checkout/${invoice.project_id as string}/${invoice.id}/redirect/${confId}`);
    const html = await page.text();
    for (const entry of TEST_OUTCOMES) expect(html).toContain(`value="${entry.outcome}"`);
    for (const entry of TEST_OUTCOMES) expect(html).toContain(`>${entry.label}</button>`);
  });

  for (const entry of TEST_OUTCOMES) {
    it(`says what "${entry.label}" (${entry.outcome}) answers, and which events and webhooks follow`, async () => {
      const invoice = await createInvoice(api, { return_url: 'https://shop.example/return', webhook_url: receiver.url });
      const completed = await completeCheckout(api, invoice.id, entry.outcome, confId);
      expect(completed.status).toBe(200);
      if (entry.returns.token) {
        expect(completed.body.token).toMatch(/^gway_req_/);
      } else {
        expect(completed.body.token).toBeUndefined();
        expect(completed.body.error_code).toBe(entry.returns.errorCode);
      }
      const atReturn = (await api.get(`/invoices/${invoice.id}/transactions`)).body.transaction;
      expect(atReturn.status).toBe(entry.transactionStatusAtReturn);

      if (entry.capture) {
        const captured = await api.post(`/invoices/${invoice.id}/capture`, { source: completed.body.token });
        expect(captured.status).toBe(entry.capture.httpStatus);
        if ('errorType' in entry.capture) expect(captured.body.error_type).toBe(entry.capture.errorType);
        const after = (await api.get(`/invoices/${invoice.id}/transactions`)).body.transaction;
        expect(after.status).toBe(entry.capture.transactionStatus);
      }
      // The later events may already follow (the test sandbox's pending delay is 50 ms): these come first.
      expect((await eventNames(invoice.id)).slice(0, entry.events.length)).toEqual(entry.events);

      const everyEvent = [...entry.events, ...entry.laterEvents];
      await waitFor(async () => (await eventNames(invoice.id)).length >= everyEvent.length, 15_000, 'the later events');
      expect(await eventNames(invoice.id)).toEqual(everyEvent);
      // Every event is delivered to the invoice's webhook URL.
      const deliveredFor = async () => {
        const ids = new Set(
          (await api.get('/events?limit=100&order=asc')).body.events
            .filter((event: { data: { transaction: { invoice_id: string } } }) => event.data.transaction.invoice_id === invoice.id)
            .map((event: { id: string }) => event.id),
        );
        return receiver.received.filter((hook) => ids.has(hook.body.event_id)).map((hook) => hook.body.event_type);
      };
      await waitFor(async () => (await deliveredFor()).length === everyEvent.length, 15_000, 'the webhooks');
      expect((await deliveredFor()).sort()).toEqual([...everyEvent].sort());

      // Whether the customer can try again on the same invoice.
      const again = await completeCheckout(api, invoice.id, 'approve', confId);
      expect(again.status === 200).toBe(entry.canPayAgain);
    });
  }
});
