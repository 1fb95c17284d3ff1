// Capture an invoice with the token the APM checkout returned, on your backend, and act on the result.
// Node 20 or later, no dependencies: the API is called with the built-in fetch.
// Run it with: npx tsx capture-invoice.ts
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// INVOICE_ID (iv_…) and GATEWAY_TOKEN (the gway_req_… token from the checkout).
// Prints the main fields of the transaction as JSON; exits with status 1 when the payment failed.

/** The transaction fields this sample relies on; the API returns more (see the transaction reference). */
interface Transaction {
  id: string;
  invoice_id: string;
  status: string;
  amount: string;
  currency: string;
  captured_amount: string;
  error_code: string | null;
  error_message: string | null;
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

const invoiceId = requireEnv('INVOICE_ID');
const gatewayToken = requireEnv('GATEWAY_TOKEN');

async function main(): Promise<void> {
  // #region capture-invoice
  const { transaction } = await client.post<{ transaction: Transaction }>(`/invoices/${encodeURIComponent(invoiceId)}/capture`, {
    source: gatewayToken,
  });
  switch (transaction.status) {
    case 'completed':
      // Paid: fulfil the order.
      break;
    case 'pending':
      // The APM confirms later: keep the order open until the transaction.captured (or
      // transaction.failed) webhook arrives.
      break;
    case 'failed':
      // Declined: tell the customer, and offer to pay again with another APM.
      console.error(`Payment failed: ${transaction.error_code}: ${transaction.error_message}`);
      process.exitCode = 1;
      break;
  }
  // #endregion
  const { id, invoice_id, status, amount, currency, captured_amount, error_code, error_message } = transaction;
  console.log(JSON.stringify({ id, invoice_id, status, amount, currency, captured_amount, error_code, error_message }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof ProcessOutError ? `${error.errorType}: ${error.message}` : error);
  process.exitCode = 1;
});
