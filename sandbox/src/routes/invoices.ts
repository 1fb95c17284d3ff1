import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { notFound } from '../lib/errors.ts';
import { publicOrigin } from '../plugins/hosts.ts';
import { errorResponses, Expand, expandSet, ListQuery, pageSize } from '../schemas/common.ts';
import { InvoiceCreateBody, InvoiceEnvelope } from '../schemas/invoice.ts';
import { createInvoice, deleteInvoice } from '../services/invoices.ts';
import { presentInvoice } from '../services/presenters.ts';

export const InvoiceParams = Type.Object({ invoice_id: Type.String({ description: 'iv_…' }) });

export const invoiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app;

  app.post(
    '/invoices',
    {
      config: { auth: 'secret', idempotent: true },
      schema: {
        summary: 'Create an invoice',
        operationId: 'create-an-invoice',
        tags: ['Invoices'],
        body: InvoiceCreateBody,
        response: { 200: InvoiceEnvelope, ...errorResponses },
      },
    },
    (request) => {
      const invoice = createInvoice(app.services, request.project.id, request.body);
      return { success: true as const, invoice: presentInvoice(invoice, publicOrigin(request)) };
    },
  );

  app.get(
    '/invoices',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'List invoices, newest first',
        operationId: 'list-invoices',
        tags: ['Invoices'],
        querystring: Type.Object({ ...ListQuery.properties, expand: Type.Optional(Expand) }),
        response: {
          200: Type.Object({ success: Type.Literal(true), invoices: Type.Array(Type.Ref('Invoice')), has_more: Type.Boolean() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit, order, start_after: startAfter, end_before: endBefore } = request.query;
      const page = store.listInvoices(request.project.id, { limit: pageSize(limit), order: order ?? 'desc', startAfter, endBefore });
      const withTransaction = expandSet(request.query.expand).has('transaction');
      const origin = publicOrigin(request);
      return {
        success: true as const,
        invoices: page.items.map((invoice) =>
          presentInvoice(invoice, origin, withTransaction ? store.findTransactionByInvoice(invoice.project_id, invoice.id) : undefined),
        ),
        has_more: page.hasMore,
      };
    },
  );

  app.get(
    '/invoices/:invoice_id',
    {
      // ProcessOut.js fetches invoices with the project ID alone.
      config: { auth: 'public' },
      schema: {
        summary: 'Fetch an invoice (expand=transaction)',
        operationId: 'fetch-an-invoice',
        tags: ['Invoices'],
        params: InvoiceParams,
        querystring: Type.Object({ expand: Type.Optional(Expand) }),
        response: { 200: InvoiceEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const invoice = store.findInvoice(request.project.id, request.params.invoice_id);
      if (!invoice) throw notFound('invoice', request.params.invoice_id);
      const transaction = expandSet(request.query.expand).has('transaction')
        ? store.findTransactionByInvoice(invoice.project_id, invoice.id)
        : undefined;
      return { success: true as const, invoice: presentInvoice(invoice, publicOrigin(request), transaction) };
    },
  );

  app.delete(
    '/invoices/:invoice_id',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'Delete an invoice that took no payment',
        description: 'Its transaction must be waiting, failed or voided; events about it stay listed.',
        operationId: 'delete-an-invoice',
        tags: ['Invoices'],
        params: InvoiceParams,
        response: { 200: Type.Object({ success: Type.Literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      deleteInvoice(app.services, request.project.id, request.params.invoice_id);
      return { success: true as const };
    },
  );
};
