// Send the customer to the APM they picked, with ProcessOut.js, and hand the token to your backend.
// Browser TypeScript (ES2022 + DOM): copy it into your frontend and bundle it with your code.
// ProcessOut.js must be on the page (see list-apms-browser); types: samples/processout-js.d.ts.
//
// Usage, for each APM button showApmButtons() adds:
//   hookApmButton(button, apm, { orderId, payEndpoint: "/checkout/pay", onResult: (result) => … });
// A click opens the APM's payment page (a popup for the sandbox's test APM, a new tab for most APMs);
// when the customer is done, ProcessOut.js calls back this page with a token or an error.

/** How the payment attempt ended, for your page to show. */
export type ApmResult =
  /** The customer approved; your backend captured the invoice with the token and answered `answer`. */
  | { status: 'submitted'; answer: unknown }
  /** The provider refused the payment (`payment.declined`, …): offer another APM. */
  | { status: 'declined'; code: string; message: string }
  /** The customer gave up, on the provider page or by closing its window. The invoice can still be paid. */
  | { status: 'canceled'; windowClosed: boolean }
  /** The browser blocked the window: send the customer to `redirectUrl` in this tab instead. */
  | { status: 'blocked'; redirectUrl: string }
  /** Anything else: ProcessOut's error code, or `backend.failed` when your endpoint did not answer 2xx. */
  | { status: 'error'; code: string; message: string };

export interface HookOptions {
  /** Your own reference for the order: your backend knows which invoice it created for it. */
  orderId: string;
  /** Your backend endpoint that captures the invoice with the token (see Capture the payment). */
  payEndpoint: string;
  onResult: (result: ApmResult) => void;
}

// #region open-apm-checkout
export function hookApmButton(button: HTMLElement, apm: ProcessOut.GatewayConfiguration, options: HookOptions): void {
  // A gway_req_ token: only your backend, with the secret key, can charge the invoice with it.
  const sendToken = async (token: string): Promise<void> => {
    const response = await fetch(options.payEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ order_id: options.orderId, token }),
    });
    if (!response.ok) {
      options.onResult({ status: 'error', code: 'backend.failed', message: `${options.payEndpoint} answered HTTP ${response.status}` });
      return;
    }
    options.onResult({ status: 'submitted', answer: await response.json() });
  };
  apm.hookForInvoice(
    button,
    (token) => {
      void sendToken(token);
    },
    (error) => {
      switch (error.code) {
        case 'customer.canceled':
          options.onResult({ status: 'canceled', windowClosed: error.metadata?.reason === 'tab_closed' });
          return;
        case 'customer.popup-blocked':
          options.onResult({ status: 'blocked', redirectUrl: apm.getInvoiceActionURL() });
          return;
        case 'payment.declined':
          options.onResult({ status: 'declined', code: error.code, message: error.message });
          return;
        default:
          options.onResult({ status: 'error', code: error.code, message: error.message });
      }
    },
  );
}
// #endregion
