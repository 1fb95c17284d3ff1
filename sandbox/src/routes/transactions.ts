import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { notFound } from '../lib/errors.ts';
import { errorResponses, PassThrough } from '../schemas/common.ts';
import { NO_CUSTOMER_ACTION, PaymentBody, PaymentEnvelope, Refund, RefundBody, TransactionEnvelope } from '../schemas/transaction.ts';
import { loadInvoice, pay, voidInvoice, type PaymentAction } from '../services/payments.ts';
import { listRefunds, refundInvoice, refundTransaction } from '../services/refunds.ts';
import { InvoiceParams } from './invoices.ts';

const PAYMENT_SUMMARIES: Record<PaymentAction, string> = {
  authorize: 'Authorize an invoice with a gway_req_ token',
  capture: 'Capture an invoice with a gway_req_ token (authorizes first when needed)',
};

export const transactionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { services } = app;

  for (const action of ['authorize', 'capture'] as const) {
    app.post(
      `/invoices/:invoice_id/${action}`,
      {
        config: { auth: 'secret', idempotent: true },
        schema: {
          summary: PAYMENT_SUMMARIES[action],
          operationId: `${action}-an-invoice`,
          tags: ['Invoices'],
          params: InvoiceParams,
          body: PaymentBody,
          response: { 200: PaymentEnvelope, ...errorResponses },
        },
      },
      (request, reply) => {
        const result = pay(services, request.project.id, request.params.invoice_id, action, request.body);
        if (result.declined) {
          // Returned, not thrown: the failed transaction is saved (and replayed for the same Idempotency-Key).
          request.errorType = result.declined.errorType;
          reply.code(result.declined.statusCode);
          return result.declined.toBody();
        }
        return { success: true as const, transaction: result.transaction, customer_action: NO_CUSTOMER_ACTION };
      },
    );
  }

  app.post(
    '/invoices/:invoice_id/void',
    {
      config: { auth: 'secret', idempotent: true },
      schema: {
        summary: 'Void an authorized invoice',
        operationId: 'void-an-invoice',
        tags: ['Invoices'],
        params: InvoiceParams,
        body: PassThrough,
        response: { 200: TransactionEnvelope, ...errorResponses },
      },
    },
    (request) => ({ success: true as const, transaction: voidInvoice(services, request.project.id, request.params.invoice_id) }),
  );

  app.get(
    '/invoices/:invoice_id/transactions',
    {
      config: { auth: 'secret' },
      schema: {
        summary: "Fetch an invoice's transaction",
        operationId: 'fetch-invoice-transaction',
        tags: ['Invoices'],
        params: InvoiceParams,
        response: { 200: TransactionEnvelope, ...errorResponses },
      },
    },
    async (request) => ({
      success: true as const,
      transaction: loadInvoice(services, request.project.id, request.params.invoice_id).transaction,
    }),
  );

  app.get(
    '/transactions/:transaction_id',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'Fetch a transaction',
        operationId: 'fetching-a-transaction',
        tags: ['Transactions'],
        params: Type.Object({ transaction_id: Type.String({ description: 'tr_…' }) }),
        response: { 200: TransactionEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const transaction = services.store.findTransaction(request.project.id, request.params.transaction_id);
      if (!transaction) throw notFound('transaction', request.params.transaction_id);
      return { success: true as const, transaction };
    },
  );

  const TransactionParams = Type.Object({ transaction_id: Type.String({ description: 'tr_…' }) });

  app.post(
    '/transactions/:transaction_id/refunds',
    {
      config: { auth: 'secret', idempotent: true },
      schema: {
        summary: 'Refund part or all of a captured transaction',
        description: 'Fires transaction.refunded; the transaction turns refunded once nothing is left to refund.',
        operationId: 'refund-a-transaction',
        tags: ['Transactions'],
        params: TransactionParams,
        body: RefundBody,
        response: { 200: Type.Object({ success: Type.Literal(true), refund: Refund }), ...errorResponses },
      },
    },
    (request) => ({
      success: true as const,
      refund: refundTransaction(services, request.project.id, request.params.transaction_id, request.body),
    }),
  );

  app.post(
    '/invoices/:invoice_id/refunds',
    {
      config: { auth: 'secret', idempotent: true },
      schema: {
        summary: "Refund part or all of an invoice's captured transaction",
        description: "The SDKs' create_for_invoice / CreateForInvoice; the same as refunding the invoice's transaction.",
        operationId: 'refund-an-invoice',
        tags: ['Invoices'],
        params: InvoiceParams,
        body: RefundBody,
        response: { 200: Type.Object({ success: Type.Literal(true), refund: Refund }), ...errorResponses },
      },
    },
    (request) => ({ success: true as const, refund: refundInvoice(services, request.project.id, request.params.invoice_id, request.body) }),
  );

  app.get(
    '/transactions/:transaction_id/refunds',
    {
      config: { auth: 'secret' },
      schema: {
        summary: "A transaction's refunds, oldest first",
        operationId: 'list-transaction-refunds',
        tags: ['Transactions'],
        params: TransactionParams,
        response: { 200: Type.Object({ success: Type.Literal(true), refunds: Type.Array(Refund) }), ...errorResponses },
      },
    },
    async (request) => ({ success: true as const, refunds: listRefunds(services, request.project.id, request.params.transaction_id) }),
  );
};
