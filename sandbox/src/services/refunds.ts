import { ApiError, notFound, validationError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { amountProblem, canonicalAmount, compareAmounts } from '../lib/money.ts';
import type { Refund, RefundBody, Transaction } from '../schemas/transaction.ts';
import { nowIso } from './clock.ts';
import type { ServiceContext } from './context.ts';
import { recordTransactionEvent } from './events.ts';
import { refund as applyRefund } from './transaction-state.ts';

// Refunds of a captured transaction, partial or full, as many as its captured amount allows.
// The real API answers a refund of a transaction with nothing left with this message.
const NOTHING_TO_REFUND = 'No amount is available on the transaction to be refunded.';

function loadTransaction(ctx: ServiceContext, projectId: string, transactionId: string): Transaction {
  const transaction = ctx.store.findTransaction(projectId, transactionId);
  if (!transaction) throw notFound('transaction', transactionId);
  return transaction;
}

function refundAmount(body: RefundBody, transaction: Transaction): string {
  const problem = amountProblem(body.amount, transaction.currency);
  if (problem) throw validationError('request.validation.invalid-amount', 'amount', problem);
  const amount = canonicalAmount(body.amount);
  if (compareAmounts(amount, '0') <= 0) throw validationError('request.validation.invalid-amount', 'amount', 'amount must be more than 0.');
  if (!transaction.captured || compareAmounts(transaction.available_amount, '0') <= 0) {
    throw validationError('request.validation.invalid-amount', 'amount', NOTHING_TO_REFUND);
  }
  if (compareAmounts(amount, transaction.available_amount) > 0) {
    const message = `amount ${amount} is more than the ${transaction.available_amount} ${transaction.currency} still refundable on this transaction.`;
    throw validationError('request.validation.invalid-amount', 'amount', message);
  }
  return amount;
}

/** POST /transactions/{id}/refunds: records the refund, updates the transaction, fires transaction.refunded. */
export function refundTransaction(ctx: ServiceContext, projectId: string, transactionId: string, body: RefundBody): Refund {
  const result = ctx.store.transaction(() => {
    const transaction = loadTransaction(ctx, projectId, transactionId);
    const invoice = ctx.store.findInvoice(projectId, transaction.invoice_id);
    if (!invoice) throw new ApiError(404, 'resource.invoice.not-found', `The invoice of transaction ${transactionId} no longer exists.`);
    const amount = refundAmount(body, transaction);
    const at = nowIso();
    const refund: Refund = {
      id: newId('refd_'),
      project_id: projectId,
      transaction_id: transaction.id,
      amount,
      currency: transaction.currency,
      reason: body.reason ?? 'other',
      information: body.information ?? '',
      has_failed: false,
      metadata: body.metadata ?? {},
      sandbox: true,
      created_at: at,
      invoice_detail_ids: null,
    };
    const refunded = applyRefund(transaction, amount, at);
    ctx.store.insertRefund(refund);
    ctx.store.updateTransaction(refunded);
    recordTransactionEvent(ctx, 'transaction.refunded', invoice, refunded, { refund });
    return refund;
  });
  ctx.wake();
  return result;
}

/** POST /invoices/{id}/refunds (the SDKs' create_for_invoice): a refund of the invoice's transaction. */
export function refundInvoice(ctx: ServiceContext, projectId: string, invoiceId: string, body: RefundBody): Refund {
  const invoice = ctx.store.findInvoice(projectId, invoiceId);
  if (!invoice) throw notFound('invoice', invoiceId);
  return refundTransaction(ctx, projectId, invoice.transaction_id, body);
}

/** GET /transactions/{id}/refunds, oldest first. */
export function listRefunds(ctx: ServiceContext, projectId: string, transactionId: string): Refund[] {
  loadTransaction(ctx, projectId, transactionId);
  return ctx.store.listRefunds(projectId, transactionId);
}
