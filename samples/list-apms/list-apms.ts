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

async function main(): Promise<void> {
  // #region list-apms
  const query = new URLSearchParams({
    filter: 'alternative-payment-methods',
    expand_merchant_accounts: 'true',
  });
  const { gateway_configurations } = await client.get<{ gateway_configurations: GatewayConfiguration[] }>(
    `/gateway-configurations?${query.toString()}`,
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
