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

interface ApiError {
  success: false;
  error_type: string;
  message: string;
}

/** An error answered by the API, e.g. `request.authentication.invalid`. */
class ProcessOutError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = "ProcessOutError";
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`Set the ${name} environment variable.`);
  process.exit(1);
}

/** A tiny typed client: HTTP Basic auth with your project ID and secret, JSON in and out. */
function createProcessOutClient(options: { projectId: string; projectSecret: string; apiUrl: string }) {
  const credentials = Buffer.from(`${options.projectId}:${options.projectSecret}`).toString("base64");

  async function request<T>(method: "GET" | "POST", path: string, body?: object): Promise<T> {
    const url = `${options.apiUrl}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Basic ${credentials}`,
        Accept: "application/json",
        "Content-Type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.headers.get("content-type")?.includes("application/json")) {
      throw new Error(`Expected JSON from ${method} ${url}, got HTTP ${response.status}`);
    }
    const payload = (await response.json()) as (T & { success: true }) | ApiError;
    if (!payload.success) throw new ProcessOutError(payload.error_type, payload.message);
    return payload;
  }

  return {
    get: <T>(path: string) => request<T>("GET", path),
    post: <T>(path: string, body: object) => request<T>("POST", path, body),
  };
}

const client = createProcessOutClient({
  projectId: requireEnv("PROCESSOUT_PROJECT_ID"),
  projectSecret: requireEnv("PROCESSOUT_PROJECT_SECRET"),
  // Unset in production. Set it to reach another host, such as the local sandbox.
  apiUrl: process.env.PROCESSOUT_API_URL || "https://api.processout.com",
});

const invoiceId = requireEnv("INVOICE_ID");
const gatewayToken = requireEnv("GATEWAY_TOKEN");

async function main(): Promise<void> {
  // #region capture-invoice
  const { transaction } = await client.post<{ transaction: Transaction }>(
    `/invoices/${encodeURIComponent(invoiceId)}/capture`,
    { source: gatewayToken },
  );
  switch (transaction.status) {
    case "completed":
      // Paid: fulfil the order.
      break;
    case "pending":
      // The APM confirms later: keep the order open until the transaction.captured (or
      // transaction.failed) webhook arrives.
      break;
    case "failed":
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
