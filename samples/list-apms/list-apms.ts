// List the APMs (alternative payment methods) your project can offer, from your backend.
// Node 20 or later, no dependencies: the API is called with the built-in fetch.
// Run it with: npx tsx list-apms.ts
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
// Prints one entry per APM: the gateway configuration ID to pay with, and what to show the customer.

/** The gateway configuration fields this sample relies on; the API returns more. */
interface GatewayConfiguration {
  id: string;
  gateway: {
    name: string;
    display_name: string;
    logo_url: string;
  };
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

async function main(): Promise<void> {
  // #region list-apms
  const query = new URLSearchParams({
    filter: "alternative-payment-methods",
    expand_merchant_accounts: "true",
  });
  const { gateway_configurations } = await client.get<{ gateway_configurations: GatewayConfiguration[] }>(
    `/gateway-configurations?${query}`,
  );
  // Keep the fields the page needs, under the API's own names.
  const apms = gateway_configurations.map(({ id, gateway }) => ({
    // Pay with this ID: it goes into the checkout URL (see "Send the customer to the APM").
    id,
    gateway: { name: gateway.name, display_name: gateway.display_name, logo_url: gateway.logo_url },
  }));
  // #endregion
  console.log(JSON.stringify(apms, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof ProcessOutError ? `${error.errorType}: ${error.message}` : error);
  process.exitCode = 1;
});
