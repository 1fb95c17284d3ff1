/**
 * What each outcome of the test APM does, as integrators see it: the button on the test provider page, what
 * the shop gets back, what capturing with it answers and the events (and so webhooks) that follow. The
 * checkout page takes its buttons from here and the docs' "Test outcomes" page its table;
 * sandbox/test/test-outcomes.test.ts plays every outcome through the API and holds this list to it.
 */
import type { CheckoutOutcome } from './checkout-flow.ts';

export interface CaptureAnswer {
  readonly httpStatus: number;
  /** The transaction's status in the answer (or, for an error answer, afterwards). */
  readonly transactionStatus: 'completed' | 'pending' | 'failed';
  /** The `error_type` of an error answer. */
  readonly errorType?: string;
}

export interface TestOutcome {
  readonly outcome: CheckoutOutcome;
  /** The provider page's button, and the hint under it. */
  readonly label: string;
  readonly hint: string;
  /** What the shop receives: a `gway_req_` token, or an error code on the return URL. */
  readonly returns: { readonly token: true } | { readonly token: false; readonly errorCode: string };
  /** What capturing the invoice with the token answers; none when no token is returned. */
  readonly capture: CaptureAnswer | null;
  /** The transaction's status right after the customer's choice, before any capture. */
  readonly transactionStatusAtReturn: 'waiting' | 'failed';
  /** Events in the order they fire, from the customer's choice through the capture. */
  readonly events: readonly string[];
  /** Events that fire later, once the pending delay has passed. */
  readonly laterEvents: readonly string[];
  /** Whether the invoice can still be paid afterwards (a new attempt, with a new token). */
  readonly canPayAgain: boolean;
}

export const TEST_OUTCOMES = [
  {
    outcome: 'approve',
    label: 'Approve payment',
    hint: 'Returns a gway_req_ token to the shop',
    returns: { token: true },
    capture: { httpStatus: 200, transactionStatus: 'completed' },
    transactionStatusAtReturn: 'waiting',
    events: ['transaction.authorized', 'transaction.captured'],
    laterEvents: [],
    canPayAgain: false,
  },
  {
    outcome: 'decline',
    label: 'Decline payment',
    hint: 'Fails the transaction with payment.declined',
    returns: { token: false, errorCode: 'payment.declined' },
    capture: null,
    transactionStatusAtReturn: 'failed',
    events: ['transaction.failed'],
    laterEvents: [],
    canPayAgain: true,
  },
  {
    outcome: 'cancel',
    label: 'Cancel and go back',
    hint: 'Returns customer.canceled; the invoice can be paid again',
    returns: { token: false, errorCode: 'customer.canceled' },
    capture: null,
    transactionStatusAtReturn: 'waiting',
    events: [],
    laterEvents: [],
    canPayAgain: true,
  },
  {
    outcome: 'pending',
    label: 'Leave pending',
    hint: 'Returns a token; the payment completes a few seconds after capture',
    returns: { token: true },
    capture: { httpStatus: 200, transactionStatus: 'pending' },
    transactionStatusAtReturn: 'waiting',
    events: ['transaction.pending'],
    laterEvents: ['transaction.authorized', 'transaction.captured'],
    canPayAgain: false,
  },
  {
    outcome: 'decline-at-capture',
    label: 'Approve, then decline the capture',
    hint: 'Returns a token; capturing or authorizing with it fails with card.do-not-honor (HTTP 410)',
    returns: { token: true },
    capture: { httpStatus: 410, transactionStatus: 'failed', errorType: 'card.do-not-honor' },
    transactionStatusAtReturn: 'waiting',
    events: ['transaction.failed'],
    laterEvents: [],
    canPayAgain: true,
  },
] as const satisfies readonly TestOutcome[];
