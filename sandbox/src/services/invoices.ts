import { ApiError, notFound } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { amountProblem, canonicalAmount } from '../lib/money.ts';
import type { InvoiceCreateBody, StoredInvoice } from '../schemas/invoice.ts';
import type { Transaction } from '../schemas/transaction.ts';
import { nowIso } from './clock.ts';
import type { ServiceContext } from './context.ts';

function checkAmounts(body: InvoiceCreateBody): void {
  const problems = [{ name: 'amount', problem: amountProblem(body.amount, body.currency) }];
  body.details?.forEach((detail, index) => {
    problems.push({ name: `details.${index}.amount`, problem: amountProblem(detail.amount, body.currency) });
  });
  const failed = problems.filter((p): p is { name: string; problem: string } => p.problem !== null);
  if (failed.length > 0) {
    const fields = failed.map((p) => ({ name: p.name, message: `${p.name}: ${p.problem}` }));
    throw new ApiError(400, 'request.validation.invalid-amount', fields.map((f) => f.message).join('; '), fields);
  }
}

/** A new invoice comes with its transaction in status `waiting`, like the real API. */
export function createInvoice({ store }: ServiceContext, projectId: string, body: InvoiceCreateBody): StoredInvoice {
  checkAmounts(body);
  const createdAt = nowIso();
  const invoiceId = newId('iv_');
  const transactionId = newId('tr_');
  const invoice: StoredInvoice = {
    id: invoiceId,
    project_id: projectId,
    transaction_id: transactionId,
    customer_id: body.customer_id ?? null,
    token_id: null,
    subscription_id: null,
    name: body.name,
    amount: canonicalAmount(body.amount),
    currency: body.currency,
    metadata: body.metadata ?? {},
    details: (body.details ?? []).map((detail) => ({
      quantity: 1,
      ...detail,
      id: newId('iv_det_'),
      amount: canonicalAmount(detail.amount),
      ...(typeof detail.discount_amount === 'string' ? { discount_amount: canonicalAmount(detail.discount_amount) } : {}),
    })),
    order_id: body.order_id ?? null,
    reference_id: body.reference_id ?? null,
    statement_descriptor: body.statement_descriptor ?? null,
    return_url: body.return_url ?? null,
    cancel_url: body.cancel_url ?? null,
    webhook_url: body.webhook_url ?? null,
    require_backend_capture: body.require_backend_capture ?? null,
    verification: body.verification ?? null,
    incremental: body.incremental ?? null,
    initiation_type: body.initiation_type ?? null,
    payment_intent: body.payment_intent ?? null,
    merchant_initiator_type: body.merchant_initiator_type ?? null,
    payment_type: body.payment_type ?? null,
    shipping: body.shipping ?? null,
    billing: body.billing ?? null,
    device: body.device ?? null,
    risk: body.risk ?? null,
    tax: body.tax ?? null,
    gateway_data: body.gateway_data ?? {},
    sandbox: true,
    created_at: createdAt,
    expires_at: body.expires_at ?? null,
    auto_capture_at: body.auto_capture_at ?? null,
  };
  const transaction: Transaction = {
    id: transactionId,
    project_id: projectId,
    invoice_id: invoiceId,
    customer_id: invoice.customer_id,
    name: invoice.name,
    amount: invoice.amount,
    currency: invoice.currency,
    status: 'waiting',
    authorized: false,
    captured: false,
    voided: false,
    refunded: false,
    chargedback: false,
    authorized_amount: '0',
    captured_amount: '0',
    available_amount: '0',
    refunded_amount: '0',
    attempts_count: 0,
    error_code: null,
    error_message: null,
    gateway_name: null,
    gateway_configuration_id: null,
    payment_type: null,
    metadata: { ...invoice.metadata },
    sandbox: true,
    operations: [],
    created_at: createdAt,
    authorized_at: null,
    captured_at: null,
    voided_at: null,
  };
  store.transaction(() => {
    store.insertInvoice(invoice);
    store.insertTransaction(transaction);
  });
  return invoice;
}

// Deleting an invoice whose payment is under way or done would orphan money, so only invoices that
// took no payment (transaction waiting, failed or voided) can be deleted. The real API does not
// document when it refuses; this is the sandbox's choice (sandbox/README.md).
const DELETABLE_STATUSES = new Set(['waiting', 'failed', 'voided']);

/** DELETE /invoices/{id}: removes the invoice, its transaction and its unused tokens; events stay. */
export function deleteInvoice({ store }: ServiceContext, projectId: string, invoiceId: string): void {
  store.transaction(() => {
    const transaction = store.findInvoice(projectId, invoiceId) && store.findTransactionByInvoice(projectId, invoiceId);
    if (!transaction) throw notFound('invoice', invoiceId);
    if (!DELETABLE_STATUSES.has(transaction.status)) {
      throw new ApiError(
        400,
        'request.transaction.invalid-state',
        `Invoice ${invoiceId} cannot be deleted: its transaction is ${transaction.status}. Void or refund it first.`,
      );
    }
    store.deleteInvoice(projectId, invoiceId);
  });
}
