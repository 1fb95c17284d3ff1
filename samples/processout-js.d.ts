// Types for the part of ProcessOut.js the browser samples use: the global `ProcessOut` that
// <script src="https://js.processout.com/processout.js"> defines. ProcessOut publishes no types for it;
// these are written from its documented API (client, gateway configurations, invoice actions, errors).
// Copy this file next to your frontend code (any file your tsconfig includes) to typecheck your calls.

declare namespace ProcessOut {
  /** The error every failure callback receives. `code` says what happened, e.g. `customer.canceled`. */
  class Exception extends Error {
    /** `customer.canceled`, `customer.popup-blocked`, `payment.declined`, `processout-js.network-issue`, … */
    code: string;
    message: string;
    /** Extra facts, e.g. `{ reason: "tab_closed" }` when the customer closed the payment window. */
    metadata?: Record<string, unknown>;
    /** Always "ProcessOutException". */
    name: string;
  }

  /** The gateway behind a configuration, as the API lists it. */
  interface Gateway {
    id?: string;
    /** The same in every project, e.g. `test-alternative-payment`: use it to tell APMs apart. */
    name: string;
    /** Label the APM's button with it. */
    display_name: string;
    logo_url: string;
    url?: string;
    flows?: string[];
    tags?: string[];
    description?: string | null;
  }

  /** One gateway configuration (an APM your project enabled), with the helpers ProcessOut.js adds. */
  interface GatewayConfiguration {
    /** `gway_conf_…`: the APM's part of the checkout URL. */
    id: string;
    project_id?: string;
    name?: string | null;
    enabled: boolean;
    default_currency?: string;
    gateway: Gateway;
    /**
     * Opens the APM's payment page for the invoice given to fetchGatewayConfigurations whenever the
     * customer clicks `element`. `success` gets the `gway_req_…` token; `error` a ProcessOut.Exception.
     */
    hookForInvoice(element: HTMLElement, success: (token: string) => void, error: (error: Exception) => void): void;
    /** Opens the payment page now. Call it synchronously inside a click handler, or the popup is blocked. */
    handleInvoiceAction(success: (token: string) => void, error: (error: Exception) => void): void;
    /** The checkout URL of this APM for the invoice: send the customer there yourself to skip the popup. */
    getInvoiceActionURL(): string;
  }

  interface FetchGatewayConfigurationsOptions {
    /** The `iv_…` invoice your backend created for this payment. */
    invoiceID: string;
    /** `alternative-payment-methods` lists the APMs; without it, every configuration. */
    filter?: 'alternative-payment-methods' | 'alternative-payment-methods-with-tokenization' | 'native-alternative-payment-methods';
  }

  /** Watches one payment window: ProcessOut.js returns it from handleAction. */
  class ActionHandler {
    /** Closes the payment window; the error callback gets `customer.canceled`. */
    cancel(): void;
    isCanceled(): boolean;
  }

  /** The client. It authenticates with the project ID alone: never give a web page the secret key. */
  class ProcessOut {
    constructor(projectId: string);
    fetchGatewayConfigurations(
      options: FetchGatewayConfigurationsOptions,
      success: (configurations: GatewayConfiguration[]) => void,
      error: (error: Exception) => void,
    ): void;
    /** Opens a checkout URL (e.g. getInvoiceActionURL()) and reports its result; null when the popup was blocked. */
    handleAction(url: string, success: (token: string) => void, error: (error: Exception) => void): ActionHandler | null;
  }
}
