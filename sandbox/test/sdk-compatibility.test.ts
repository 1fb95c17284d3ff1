// What the official SDKs send and decode (shared/reference/sdk: traffic/*.json, decoding/decoding.md),
// held against the sandbox one defect at a time. Each case once failed: see issue 9.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCheckout, createInvoice, startReceiver, useTestSandbox, waitFor } from './helpers.ts';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
const { api } = useTestSandbox();
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver([500, 200]);
});
afterAll(() => receiver.close());

describe('GET /gateway-configurations?expand_merchant_accounts=…', () => {
  // Python urlencodes a bool as True/False, PHP rawurlencode gives 1/0 (PHP drops false), Node and Ruby true.
  it.each(['True', 'true', '1', 'False', 'false', '0'])('accepts %s, as an official SDK spells a boolean', async (value) => {
    const response = await api.get(`/gateway-configurations?expand_merchant_accounts=${value}&filter=alternative-payment-methods`);
    expect(response.status, response.text).toBe(200);
    expect(response.body.gateway_configurations.length).toBeGreaterThan(0);
  });

  it('still refuses a value that is no boolean spelling, with the generic validation code', async () => {
    const response = await api.get('/gateway-configurations?expand_merchant_accounts=maybe');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, error_type: 'request.validation.error' });
    expect(response.body.message).toContain('expand_merchant_accounts');
  });
});

describe('gateway ids', () => {
  // The Go SDK decodes gateway.id into a *string and gateway_id into an *int.
  it('answers gateway.id as a string and gateway_configuration.gateway_id as a number', async () => {
    const list = (await api.get('/gateway-configurations')).body.gateway_configurations as {
      id: string;
      gateway_id: unknown;
      gateway: { id: unknown };
    }[];
    for (const conf of list) {
      expect(typeof conf.gateway.id).toBe('string');
      expect(typeof conf.gateway_id).toBe('number');
      expect(conf.gateway.id).toBe(String(conf.gateway_id));
    }
    const one = (await api.get(`/gateway-configurations/${list[0]!.id}`)).body.gateway_configuration;
    expect(typeof one.gateway.id).toBe('string');
    expect(typeof one.gateway_id).toBe('number');
  });
});

describe('customer_action on capture and authorize', () => {
  // Python 7.x reads body["customer_action"] unconditionally; null hangs the Node SDK. An object decodes everywhere.
  it.each(['capture', 'authorize'] as const)('%s answers customer_action as an object', async (action) => {
    const invoice = await createInvoice(api);
    const token = (await completeCheckout(api, invoice.id, 'approve')).body.token as string;
    const response = await api.post(`/invoices/${invoice.id}/${action}`, { source: token });
    expect(response.status, response.text).toBe(200);
    expect(response.body.transaction).toMatchObject({ invoice_id: invoice.id });
    expect(response.body).toHaveProperty('customer_action');
    expect(response.body.customer_action).toEqual(expect.any(Object));
    expect(response.body.customer_action).not.toBeNull();
  });
});

describe('webhook delivery records', () => {
  // The Go SDK decodes Webhook.response_code into a *string.
  it('answers response_code as a string', async () => {
    const invoice = await createInvoice(api, { webhook_url: receiver.url });
    const token = (await completeCheckout(api, invoice.id, 'approve')).body.token as string;
    // authorize alone fires one event, so the receiver's 500-then-200 answers all go to its deliveries.
    await api.post(`/invoices/${invoice.id}/authorize`, { source: token });
    const events = (await api.get('/events?limit=20')).body.events as { id: string; data: { transaction: { invoice_id: string } } }[];
    const eventId = events.find((event) => event.data.transaction.invoice_id === invoice.id)!.id;
    const log = await waitFor(async () => {
      const webhooks = (await api.get(`/events/${eventId}/webhooks`)).body.webhooks as { status: string; response_code: unknown }[];
      return webhooks.some((webhook) => webhook.status === 'delivered') ? webhooks : undefined;
    });
    expect(log.map((webhook) => webhook.response_code)).toEqual(['500', '200']);
  });
});
