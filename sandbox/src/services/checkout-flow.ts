import { ApiError, notFound } from '../lib/errors.ts';
import { mintGatewayRequestToken } from '../lib/tokens.ts';
import { serializeUrl, withQuery } from '../lib/urls.ts';
import type { StoredInvoice } from '../schemas/invoice.ts';
import { nowIso } from './clock.ts';
import type { ServiceContext } from './context.ts';
import { recordTransactionEvent } from './events.ts';
import { CAPTURE_DECLINE_CODE, loadInvoice } from './payments.ts';
import { fail, startAttempt } from './transaction-state.ts';

export const CHECKOUT_OUTCOMES = ['approve', 'decline', 'cancel', 'pending', 'decline-at-capture'] as const;
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number];

/** A real decline code (processout-decline-codes.yml): the generic soft decline. */
export const DECLINE_CODE = 'payment.declined';
export const CANCEL_CODE = 'customer.canceled';

const TOKEN_MESSAGES: Record<'approve' | 'pending' | 'decline-at-capture', string> = {
  approve: 'Payment approved. Capture or authorize the invoice with this token as source.',
  pending: 'Payment left pending. Capture with this token: the transaction stays pending, then completes.',
  'decline-at-capture': `Payment approved here, but capturing or authorizing with this token is declined (HTTP 410, ${CAPTURE_DECLINE_CODE}).`,
};

export interface CheckoutResult {
  outcome: CheckoutOutcome;
  invoice: StoredInvoice;
  /** gway_req_ token for approve, pending and decline-at-capture. */
  token: string | null;
  /** Decline or cancel code, as the return URL carries it. */
  errorCode: string | null;
  /** Where the customer goes next; null when the invoice has no URL for this outcome. */
  redirectUrl: string | null;
  message: string;
}

export interface CheckoutInput {
  projectId: string;
  invoiceId: string;
  gatewayConfigurationId: string;
  outcome: CheckoutOutcome;
  /** Base URL of this sandbox, recorded in the token's request URL. */
  origin: string;
}

/** Where the checkout lives on the sandbox's own host; on a `checkout.` host it is at the root. */
export const CHECKOUT_PREFIX = '/checkout';

export function checkoutPath(projectId: string, invoiceId: string, gatewayConfigurationId: string, base = CHECKOUT_PREFIX): string {
  return `${base}/${projectId}/${invoiceId}/redirect/${gatewayConfigurationId}`;
}

/** Checks the invoice can be paid through this configuration; returns what the page shows. */
export function loadCheckout(ctx: ServiceContext, projectId: string, invoiceId: string, gatewayConfigurationId: string) {
  const { invoice, transaction } = loadInvoice(ctx, projectId, invoiceId);
  const conf = ctx.store.findGatewayConfiguration(projectId, gatewayConfigurationId);
  if (!conf) throw notFound('gateway-configuration', gatewayConfigurationId);
  if (transaction.status !== 'waiting' && transaction.status !== 'failed') {
    throw new ApiError(
      400,
      'request.transaction.invalid-state',
      `Invoice ${invoice.id} cannot be paid again: its transaction is ${transaction.status}.`,
    );
  }
  return { invoice, transaction, conf };
}

/**
 * What the test provider does when the customer picks an outcome. The checkout page and the
 * headless route POST /_sandbox/invoices/{id}/complete both call this.
 */
export function completeCheckout(ctx: ServiceContext, input: CheckoutInput): CheckoutResult {
  const result = ctx.store.transaction((): CheckoutResult => {
    const { invoice, transaction, conf } = loadCheckout(ctx, input.projectId, input.invoiceId, input.gatewayConfigurationId);
    const at = nowIso();
    switch (input.outcome) {
      case 'approve':
      case 'pending':
      case 'decline-at-capture': {
        const returnPath = `${input.origin}${checkoutPath(invoice.project_id, invoice.id, conf.id)}/return`;
        const token = mintGatewayRequestToken(conf.id, returnPath);
        ctx.store.insertGatewayRequest({
          token,
          project_id: invoice.project_id,
          invoice_id: invoice.id,
          gateway_configuration_id: conf.id,
          outcome: input.outcome,
          created_at: at,
          used_by_transaction_id: null,
          used_at: null,
        });
        return {
          outcome: input.outcome,
          invoice,
          token,
          errorCode: null,
          redirectUrl: invoice.return_url ? withQuery(invoice.return_url, { token }) : null,
          message: TOKEN_MESSAGES[input.outcome],
        };
      }
      case 'decline': {
        const message = 'The customer declined the payment on the test provider page.';
        const failed = fail(startAttempt(transaction, conf, at), DECLINE_CODE, message, at);
        ctx.store.updateTransaction(failed);
        recordTransactionEvent(ctx, 'transaction.failed', invoice, failed);
        return {
          outcome: 'decline',
          invoice,
          token: null,
          errorCode: DECLINE_CODE,
          redirectUrl: invoice.return_url ? withQuery(invoice.return_url, { error_code: DECLINE_CODE }) : null,
          message,
        };
      }
      case 'cancel':
        return {
          outcome: 'cancel',
          invoice,
          token: null,
          errorCode: CANCEL_CODE,
          redirectUrl:
            (invoice.cancel_url ? serializeUrl(invoice.cancel_url) : null) ??
            (invoice.return_url ? withQuery(invoice.return_url, { error_code: CANCEL_CODE }) : null),
          message: 'The customer canceled on the test provider page. The invoice can still be paid.',
        };
    }
  });
  ctx.wake();
  return result;
}
