// Play the sandbox's test payment page without a browser: approve, decline, cancel or leave pending
// the APM payment of an invoice, as if the customer had clicked that button.
// This route only exists in the local sandbox (npm run sandbox), never on api.processout.com.
// Node 20 or later, no dependencies: the API is called with the built-in fetch.
// Run it with: npx tsx complete-test-payment.ts
// Reads PROCESSOUT_PROJECT_ID, PROCESSOUT_PROJECT_SECRET and PROCESSOUT_API_URL (default: the local
// sandbox, http://127.0.0.1:4010); INVOICE_ID (iv_…), GATEWAY_CONFIGURATION_ID (gway_conf_…, see
// list-apms) and OUTCOME (approve, decline, cancel or pending; default approve).
// Prints what the browser would have received: the token, or the error code, and the return URL.

/** What the test payment page returns for the chosen outcome. */
interface CompletedTestPayment {
  outcome: 'approve' | 'decline' | 'cancel' | 'pending';
  /** The gway_req_ token to capture with, for approve and pending. */
  token?: string;
  /** payment.declined or customer.canceled. */
  error_code?: string;
  /** Where the customer's browser would go next: return_url?token=…, or null without a return URL. */
  redirect_url: string | null;
  message: string;
}

// The route only exists in the sandbox: default to its address instead of api.processout.com.
process.env.PROCESSOUT_API_URL ||= 'http://127.0.0.1:4010';

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
const gatewayConfigurationId = requireEnv('GATEWAY_CONFIGURATION_ID');
const outcome = process.env.OUTCOME || 'approve';

async function main(): Promise<void> {
  // #region complete-test-payment
  const result = await client.post<CompletedTestPayment>(`/_sandbox/invoices/${encodeURIComponent(invoiceId)}/complete`, {
    gateway_configuration_id: gatewayConfigurationId,
    outcome,
  });
  // #endregion
  console.log(JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof ProcessOutError ? `${error.errorType}: ${error.message}` : error);
  process.exitCode = 1;
});
