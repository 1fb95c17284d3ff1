// Refund a captured APM payment, in full or in part, on your backend, then read back the transaction and its refunds.
// Node 20 or later, no dependencies: the API is called with the built-in fetch.
// Run it with: npx tsx refund-payment.ts
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// TRANSACTION_ID (tr_…, the captured transaction) and REFUND_AMOUNT (such as 4.99: all of it still
// refundable for a full refund, less for a partial one).
// Prints the transaction's refund fields and its refunds as JSON.

/** The transaction fields a refund changes; the API returns more (see the transaction reference). */
interface Transaction {
  id: string;
  invoice_id: string;
  status: string;
  amount: string;
  currency: string;
  captured_amount: string;
  refunded_amount: string;
  available_amount: string;
  refunded: boolean;
}

interface Refund {
  id: string;
  transaction_id: string;
  amount: string;
  reason: string;
  information: string;
  metadata: Record<string, string>;
  created_at: string;
}

/** An error answered by the API: `errorType` is its `error_type`, e.g. `request.authentication.invalid`. */
class ProcessOutError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`Set the ${name} environment variable.`);
  process.exit(1);
}

const projectId = requireEnv('PROCESSOUT_PROJECT_ID');
const projectSecret = requireEnv('PROCESSOUT_PROJECT_SECRET');
const authorization = `Basic ${Buffer.from(`${projectId}:${projectSecret}`).toString('base64')}`;
// Unset in production. Set it to reach another host, such as the local sandbox.
const apiUrl = process.env.PROCESSOUT_API_URL || 'https://api.processout.com';

/** Calls the API with HTTP Basic auth (your project ID and secret), JSON in and out. */
async function request<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.headers.get('content-type')?.includes('application/json')) {
    throw new Error(`${method} ${apiUrl}${path} answered HTTP ${response.status}, not JSON`);
  }
  const payload = (await response.json()) as ({ success: true } & T) | { success: false; error_type: string; message: string };
  if (!payload.success) throw new ProcessOutError(payload.error_type, payload.message, response.status);
  return payload;
}

const client = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: object) => request<T>('POST', path, body),
};

const transactionId = requireEnv('TRANSACTION_ID');
const refundAmount = requireEnv('REFUND_AMOUNT');

async function main(): Promise<void> {
  // #region refund-payment
  const path = `/transactions/${encodeURIComponent(transactionId)}`;
  const refundsPath = `${path}/refunds`;
  await client.post(refundsPath, {
    // A decimal string, at most the transaction's available_amount.
    amount: refundAmount,
    reason: 'customer_request', // or duplicate, fraud, other
    information: 'Returned by the customer',
    metadata: { return_reference: 'RMA-1001' }, // your own references
  });
  // refunded_amount grows, available_amount shrinks, and the status
  // turns "refunded" once nothing is left to refund.
  const { transaction } = await client.get<{ transaction: Transaction }>(path);
  const { refunds } = await client.get<{ refunds: Refund[] }>(refundsPath);
  // #endregion
  const { id, status, refunded, captured_amount, refunded_amount, available_amount, currency } = transaction;
  const summary = {
    transaction: { id, status, refunded, captured_amount, refunded_amount, available_amount, currency },
    refunds: refunds.map(({ id, amount, reason, information, metadata }) => ({ id, amount, reason, information, metadata })),
  };
  console.log(JSON.stringify(summary, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof ProcessOutError ? `${error.errorType}: ${error.message}` : error);
  process.exitCode = 1;
});
