// Refunds as the official SDKs send them, and answers they decode. The bodies are the ones the SDKs'
// refund.go / refund.py / refund.rb / Refund.php build (read from their sources; see
// tests/samples/lib/sdk-surface/refund-surface.ts): every key always sent, unset ones as null, Go and
// Ruby add their request options. Refund.create POSTs /transactions/{id}/refunds, create_for_invoice
// (Python, Ruby, Go CreateForInvoice) POSTs /invoices/{id}/refunds. The answers are held to the Refund
// type of shared/reference/sdk/decoding/schemas.json (Go decodes it strictly).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDecodingSchemas } from '../../tests/sdk-conformance/lib/reference.ts';
import { apmConfigurationId, completeCheckout, createInvoice, useTestSandbox } from './helpers.ts';

const { api } = useTestSandbox();
let confId: string;

beforeAll(async () => {
  confId = await apmConfigurationId(api);
});

const schemas = loadDecodingSchemas() as { $id: string };
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
// strict: false lets the reference's own annotations (x-go, x-routes…) through.
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
ajv.addSchema(schemas);
const refundSchema = { $ref: `${schemas.$id}#/$defs/Refund` };
const decodes = ajv.compile({
  type: 'object',
  required: ['success', 'refund'],
  properties: { success: { const: true }, refund: refundSchema },
});
const listDecodes = ajv.compile({
  type: 'object',
  required: ['success', 'refunds'],
  properties: { success: { const: true }, refunds: { type: 'array', items: refundSchema } },
});

async function capturedInvoice() {
  const invoice = await createInvoice(api, { amount: '10.00' });
  const { body } = await completeCheckout(api, invoice.id, 'approve', confId);
  const capture = await api.post(`/invoices/${invoice.id}/capture`, { source: body.token });
  expect(capture.body.transaction.status).toBe('completed');
  return invoice;
}

const METADATA = { return_reference: 'RMA-1001' };
const SDK_BODIES: Record<string, Record<string, unknown>> = {
  go: {
    expand: null,
    filter: '',
    limit: 0,
    end_before: '',
    start_after: '',
    amount: '1.00',
    reason: 'customer_request',
    information: null,
    invoice_detail_ids: null,
    metadata: METADATA,
  },
  python: {
    amount: '1.00',
    reason: 'customer_request',
    information: 'Returned by the customer',
    invoice_detail_ids: null,
    metadata: METADATA,
  },
  ruby: {
    amount: '1.00',
    reason: 'customer_request',
    information: 'Returned by the customer',
    invoice_detail_ids: null,
    metadata: METADATA,
    expand: [],
    filter: '',
    limit: '',
    end_before: '',
    start_after: '',
  },
  php: { amount: '1.00', metadata: METADATA, reason: 'customer_request', information: null },
};

describe('refunds as the SDKs send them', () => {
  for (const [sdk, body] of Object.entries(SDK_BODIES)) {
    it(`${sdk}: Refund.create's body refunds the transaction, and the answers decode`, async () => {
      const invoice = await capturedInvoice();
      const path = `/transactions/${invoice.transaction_id}/refunds`;
      const created = await api.post(path, body);
      expect(created.status, created.text).toBe(200);
      expect(decodes(created.body), JSON.stringify(decodes.errors)).toBe(true);
      expect(created.body.refund).toMatchObject({
        amount: '1.00',
        reason: 'customer_request',
        metadata: METADATA,
        transaction_id: invoice.transaction_id,
      });
      const listed = await api.get(path);
      expect(listDecodes(listed.body), JSON.stringify(listDecodes.errors)).toBe(true);
      expect(listed.body.refunds).toEqual([created.body.refund]);
    });
  }

  it("create_for_invoice: POST /invoices/{id}/refunds refunds the invoice's transaction", async () => {
    const invoice = await capturedInvoice();
    const created = await api.post(`/invoices/${invoice.id}/refunds`, SDK_BODIES.python);
    expect(created.status, created.text).toBe(200);
    expect(decodes(created.body), JSON.stringify(decodes.errors)).toBe(true);
    expect(created.body.refund).toMatchObject({ transaction_id: invoice.transaction_id, amount: '1.00', metadata: METADATA });
    const transaction = (await api.get(`/transactions/${invoice.transaction_id}`)).body.transaction;
    expect(transaction).toMatchObject({ refunded_amount: '1.00', available_amount: '9.00', status: 'completed' });
    const missing = await api.post('/invoices/iv_unknown/refunds', { amount: '1.00' });
    expect([missing.status, missing.body.error_type]).toEqual([404, 'resource.invoice.not-found']);
  });

  it('refuses a reason the API does not know, with the generic validation code', async () => {
    const invoice = await capturedInvoice();
    const refused = await api.post(`/transactions/${invoice.transaction_id}/refunds`, { amount: '1.00', reason: 'changed-mind' });
    expect([refused.status, refused.body.error_type]).toEqual([400, 'request.validation.error']);
    expect((await api.get(`/transactions/${invoice.transaction_id}/refunds`)).body.refunds).toEqual([]);
  });
});
