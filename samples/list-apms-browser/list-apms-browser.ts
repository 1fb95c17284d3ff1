// List the APMs your checkout page can offer, from the customer's browser.
// Browser TypeScript (ES2022 + DOM), no dependencies: copy it into your frontend and bundle it with your code.
// It authenticates with your project ID alone, like ProcessOut.js: the project ID is public, while your
// secret key must never reach a web page.
//
// Usage: const apms = await listApms({ projectId });
// Against the local sandbox, also pass apiUrl: "http://127.0.0.1:4010".

/** One APM the customer can choose, ready to render as a button. */
export interface Apm {
  /** Pass it to openApmCheckout() when the customer picks this APM. */
  gatewayConfigurationId: string;
  gatewayName: string;
  displayName: string;
  logoUrl: string;
}

export interface ListApmsOptions {
  /** Your project ID: public, unlike the secret key. */
  projectId: string;
  /** The API base URL, without a trailing slash. Default: https://api.processout.com */
  apiUrl?: string;
  signal?: AbortSignal;
}

interface GatewayConfiguration {
  id: string;
  gateway: { name: string; display_name: string; logo_url: string };
}

type ListAnswer =
  | { success: true; gateway_configurations: GatewayConfiguration[] }
  | { success: false; error_type: string; message: string };

/** An error answered by the API, e.g. `request.authentication.invalid`. */
export class ProcessOutError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = "ProcessOutError";
  }
}

// #region list-apms
export async function listApms(options: ListApmsOptions): Promise<Apm[]> {
  const apiUrl = options.apiUrl ?? "https://api.processout.com";
  const query = new URLSearchParams({
    filter: "alternative-payment-methods",
    expand_merchant_accounts: "true",
  });
  const response = await fetch(`${apiUrl}/gateway-configurations?${query}`, {
    headers: {
      // Basic auth with the project ID and an empty password: the public key.
      Authorization: `Basic ${btoa(`${options.projectId}:`)}`,
      Accept: "application/json",
    },
    signal: options.signal,
  });
  const answer = (await response.json()) as ListAnswer;
  if (!answer.success) throw new ProcessOutError(answer.error_type, answer.message);
  return answer.gateway_configurations.map((configuration) => ({
    gatewayConfigurationId: configuration.id,
    gatewayName: configuration.gateway.name,
    displayName: configuration.gateway.display_name,
    logoUrl: configuration.gateway.logo_url,
  }));
}
// #endregion
