import { ApiError, notFound, validationError } from '../lib/errors.ts';
import { amountProblem, canonicalAmount, compareAmounts } from '../lib/money.ts';
import { GATEWAY_REQUEST_PREFIX } from '../lib/tokens.ts';
import type { StoredInvoice } from '../schemas/invoice.ts';
import type { PaymentBody, Transaction } from '../schemas/transaction.ts';
import type { GatewayRequest, PendingTarget } from '../store/store.ts';
import { nowIso } from './clock.ts';
import type { ServiceContext } from './context.ts';
import { recordTransactionEvent } from './events.ts';
import { authorize, capture, fail, markPending, startAttempt, voidAuthorization } from './transaction-state.ts';

export type PaymentAction = 'authorize' | 'capture';

/** What a decline-at-capture token fails with: the real API's 410 example for capture and authorize. */
export const CAPTURE_DECLINE_CODE = 'card.do-not-honor';
const CAPTURE_DECLINE_MESSAGE = 'The bank has returned a do-not-honor error';

/**
 * What a capture or authorize did. A decline is an answer, not a thrown error: the failed transaction
 * and its event must be saved, and the route answers the decline (HTTP 410, the decline code as
 * error_type) like the real API.
 */
export interface PaymentResult {
  transaction: Transaction;
  declined: ApiError | null;
}

function sourceInvalid(message: string): ApiError {
  return validationError('request.source.invalid', 'source', message);
}

// A transaction in one of these states cannot take the requested action. The real API's code for
// this is undocumented; the sandbox uses request.transaction.invalid-state (HTTP 400).
function invalidState(transaction: Transaction, action: string, hint: string): ApiError {
  return new ApiError(
    400,
    'request.transaction.invalid-state',
    `Cannot ${action} invoice ${transaction.invoice_id}: its transaction is ${transaction.status}. ${hint}`,
  );
}

export function loadInvoice(
  ctx: ServiceContext,
  projectId: string,
  invoiceId: string,
): { invoice: StoredInvoice; transaction: Transaction } {
  const invoice = ctx.store.findInvoice(projectId, invoiceId);
  const transaction = invoice && ctx.store.findTransactionByInvoice(projectId, invoiceId);
  if (!invoice || !transaction) throw notFound('invoice', invoiceId);
  return { invoice, transaction };
}

/** Checks a gway_req_ token is one this sandbox issued for this invoice and that it is still unused. */
function resolveToken(ctx: ServiceContext, source: string, invoice: StoredInvoice, transaction: Transaction): GatewayRequest {
  if (!source.startsWith(GATEWAY_REQUEST_PREFIX)) {
    throw sourceInvalid('The sandbox accepts gway_req_ tokens from its test checkout as source; card_ and tok_ sources are not emulated.');
  }
  const request = ctx.store.findGatewayRequest(source);
  if (request?.project_id !== invoice.project_id) {
    throw sourceInvalid(
      'Unknown gateway request token. Use the token the checkout returned (postMessage data or ?token=). ' +
        'If you sent it form-encoded with curl -d, a "+" in it became a space: use --data-urlencode.',
    );
  }
  if (request.invoice_id !== invoice.id) throw sourceInvalid('This token was issued for another invoice.');
  // An authorized transaction is captured with the token that authorized it, never with another one.
  if (transaction.status === 'authorized') {
    if (request.used_by_transaction_id !== transaction.id) {
      throw sourceInvalid('This transaction was authorized with another token: capture it with that token.');
    }
  } else if (request.used_by_transaction_id) {
    throw sourceInvalid('This token was already used: tokens are single use. Start a new checkout for a new payment.');
  }
  return request;
}

function captureAmount(body: PaymentBody, transaction: Transaction): string {
  const amount = body.capture_amount ?? transaction.amount;
  const problem = amountProblem(amount, transaction.currency);
  if (problem) throw validationError('request.validation.invalid-amount', 'capture_amount', problem);
  if (compareAmounts(amount, transaction.amount) > 0) {
    throw validationError('request.validation.invalid-amount', 'capture_amount', 'capture_amount cannot exceed the invoice amount.');
  }
  return canonicalAmount(amount);
}

/** POST /invoices/{id}/authorize and /capture with a gway_req_ source. */
export function pay(ctx: ServiceContext, projectId: string, invoiceId: string, action: PaymentAction, body: PaymentBody): PaymentResult {
  const result = ctx.store.transaction((): PaymentResult => {
    const { invoice, transaction } = loadInvoice(ctx, projectId, invoiceId);
    const captureWanted = action === 'capture' && body.authorize_only !== true;
    switch (transaction.status) {
      case 'completed':
      case 'voided':
        throw invalidState(transaction, action, 'Create a new invoice for a new payment.');
      case 'pending':
        throw invalidState(transaction, action, 'Wait for the transaction.authorized or transaction.captured webhook.');
      case 'authorized': {
        if (!captureWanted) throw invalidState(transaction, action, 'Capture it or void it.');
        resolveToken(ctx, body.source, invoice, transaction);
        const captured = capture(transaction, captureAmount(body, transaction), nowIso());
        ctx.store.updateTransaction(captured);
        recordTransactionEvent(ctx, 'transaction.captured', invoice, captured);
        return { transaction: captured, declined: null };
      }
      default:
        return payWithNewToken(ctx, invoice, transaction, body, captureWanted);
    }
  });
  ctx.wake();
  return result;
}

function payWithNewToken(
  ctx: ServiceContext,
  invoice: StoredInvoice,
  transaction: Transaction,
  body: PaymentBody,
  captureWanted: boolean,
): PaymentResult {
  const request = resolveToken(ctx, body.source, invoice, transaction);
  const amount = captureWanted ? captureAmount(body, transaction) : transaction.amount;
  const conf = ctx.store.findGatewayConfiguration(invoice.project_id, request.gateway_configuration_id);
  if (!conf) throw sourceInvalid('The gateway configuration of this token no longer exists.');
  const at = nowIso();
  ctx.store.markGatewayRequestUsed(request.token, transaction.id, at);
  let current = startAttempt(transaction, conf, at);

  if (request.outcome === 'decline-at-capture') {
    current = fail(current, CAPTURE_DECLINE_CODE, CAPTURE_DECLINE_MESSAGE, at);
    ctx.store.updateTransaction(current);
    recordTransactionEvent(ctx, 'transaction.failed', invoice, current);
    return { transaction: current, declined: new ApiError(410, CAPTURE_DECLINE_CODE, CAPTURE_DECLINE_MESSAGE) };
  }

  // A pending payment settles later for the full invoice amount (capture_amount is only validated).
  if (request.outcome === 'pending') {
    current = markPending(current);
    const target: PendingTarget = captureWanted ? 'completed' : 'authorized';
    ctx.store.updateTransaction(current, { untilMs: Date.now() + ctx.config.pendingDelayMs, target });
    recordTransactionEvent(ctx, 'transaction.pending', invoice, current);
    return { transaction: current, declined: null };
  }
  current = authorize(current, at);
  recordTransactionEvent(ctx, 'transaction.authorized', invoice, current);
  if (captureWanted) {
    current = capture(current, amount, at);
    recordTransactionEvent(ctx, 'transaction.captured', invoice, current);
  }
  ctx.store.updateTransaction(current);
  return { transaction: current, declined: null };
}

/** POST /invoices/{id}/void: cancels an authorization that was not captured. */
export function voidInvoice(ctx: ServiceContext, projectId: string, invoiceId: string): Transaction {
  const result = ctx.store.transaction(() => {
    const { invoice, transaction } = loadInvoice(ctx, projectId, invoiceId);
    if (transaction.status !== 'authorized') {
      throw invalidState(transaction, 'void', 'Only authorized, uncaptured transactions can be voided.');
    }
    const voided = voidAuthorization(transaction, nowIso());
    ctx.store.updateTransaction(voided);
    recordTransactionEvent(ctx, 'transaction.voided', invoice, voided);
    return voided;
  });
  ctx.wake();
  return result;
}

/** Moves pending transactions whose delay is over to authorized (and completed when captured). */
export function settleDuePendingTransactions(ctx: ServiceContext, nowMs: number): number {
  const due = ctx.store.duePendingTransactions(nowMs);
  for (const { transaction, target } of due) {
    ctx.store.transaction(() => {
      const invoice = ctx.store.findInvoice(transaction.project_id, transaction.invoice_id);
      if (!invoice) return;
      const at = nowIso();
      let current = authorize(transaction, at);
      recordTransactionEvent(ctx, 'transaction.authorized', invoice, current);
      if (target === 'completed') {
        current = capture(current, current.amount, at);
        recordTransactionEvent(ctx, 'transaction.captured', invoice, current);
      }
      ctx.store.updateTransaction(current);
    });
  }
  return due.length;
}
