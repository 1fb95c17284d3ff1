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
  outcome: "approve" | "decline" | "cancel" | "pending";
  /** The gway_req_ token to capture with, for approve and pending. */
  token?: string;
  /** payment.declined or customer.canceled. */
  error_code?: string;
  /** Where the customer's browser would go next: return_url?token=…, or null without a return URL. */
  redirect_url: string | null;
  message: string;
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
  // The completion route is a feature of the local sandbox only.
  apiUrl: process.env.PROCESSOUT_API_URL || "http://127.0.0.1:4010",
});

const invoiceId = requireEnv("INVOICE_ID");
const gatewayConfigurationId = requireEnv("GATEWAY_CONFIGURATION_ID");
const outcome = process.env.OUTCOME || "approve";

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
