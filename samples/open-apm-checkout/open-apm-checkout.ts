// Send the customer to the APM's payment page in a popup, and wait for the result, from the browser.
// Browser TypeScript (ES2022 + DOM), no dependencies: copy it into your frontend and bundle it with your code.
//
// Usage, inside the click handler of the APM's button (before any await, or the popup is blocked):
//   const result = await openApmCheckout({ projectId, invoiceId, gatewayConfigurationId });
//   if (result.status === "success") send result.token to your backend, which captures the invoice.
// Against the local sandbox, also pass checkoutUrl: "http://127.0.0.1:4010/checkout".

export interface ApmCheckoutTarget {
  /** Your project ID: public, unlike the secret key. */
  projectId: string;
  /** The invoice your backend created for this payment. */
  invoiceId: string;
  /** The APM the customer picked: its gateway configuration ID (see listApms). */
  gatewayConfigurationId: string;
  /** The checkout base URL, without a trailing slash. Default: https://checkout.processout.com */
  checkoutUrl?: string;
}

/** How the APM payment page ended. */
export type ApmCheckoutResult =
  /** The customer approved: capture the invoice with this gway_req_ token as source, from your backend. */
  | { status: "success"; token: string }
  /** The provider refused the payment, e.g. errorCode "payment.declined". Offer another APM. */
  | { status: "error"; errorCode: string; errorMessage: string | null }
  /** The customer gave up, on the provider page or by closing the window. The invoice can still be paid. */
  | { status: "canceled"; reason: "customer" | "window-closed" }
  /** The browser blocked the popup: send the customer to redirectUrl in the same tab instead. */
  | { status: "blocked"; redirectUrl: string };

const DEFAULT_CHECKOUT_URL = "https://checkout.processout.com";
/** The namespace of the messages the ProcessOut checkout posts to the window that opened it. */
const CHECKOUT_NAMESPACE = "processout.checkout";
const POPUP_FEATURES = "popup,width=450,height=645";
const CLOSED_POLL_MS = 250;
/** A result posted just before the window closed may still be on its way: wait this long for it. */
const CLOSED_GRACE_MS = 500;

interface CheckoutMessage {
  namespace: typeof CHECKOUT_NAMESPACE;
  action: string;
  data?: unknown;
  errorCode?: unknown;
  errorMessage?: unknown;
}

// #region open-apm-checkout
/** The checkout page of one APM for one invoice: {checkout}/{project}/{invoice}/redirect/{gateway configuration}. */
export function buildRedirectUrl(target: ApmCheckoutTarget): string {
  const base = (target.checkoutUrl ?? DEFAULT_CHECKOUT_URL).replace(/\/+$/, "");
  const segment = encodeURIComponent;
  return `${base}/${segment(target.projectId)}/${segment(target.invoiceId)}/redirect/${segment(target.gatewayConfigurationId)}`;
}

/** The checkout posts a JSON string; anything else on the message channel is not for us. */
function parseCheckoutMessage(data: unknown): CheckoutMessage | null {
  if (typeof data !== "string") return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null) return null;
  const candidate = message as Partial<CheckoutMessage>;
  if (candidate.namespace !== CHECKOUT_NAMESPACE || typeof candidate.action !== "string") return null;
  return candidate as CheckoutMessage;
}

/**
 * Opens the APM's page in a popup and resolves with how it ended. Call it synchronously from the click
 * handler: browsers only allow a popup during the click that asked for it, so any await before this
 * call (fetching the invoice, loading a library) gets the popup blocked.
 */
export function openApmCheckout(target: ApmCheckoutTarget): Promise<ApmCheckoutResult> {
  const redirectUrl = buildRedirectUrl(target);
  const checkoutOrigin = new URL(redirectUrl).origin;
  const popup = window.open(redirectUrl, "_blank", POPUP_FEATURES);
  if (!popup) return Promise.resolve({ status: "blocked", redirectUrl });

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ApmCheckoutResult) => {
      if (settled) return;
      settled = true;
      window.removeEventListener("message", onMessage);
      window.clearInterval(closedPoll);
      resolve(result);
    };

    function onMessage(event: MessageEvent) {
      // Trust only the checkout: any page can post messages to this window.
      if (event.origin !== checkoutOrigin) return;
      const message = parseCheckoutMessage(event.data);
      if (!message) return;
      switch (message.action) {
        case "success":
          if (typeof message.data === "string") finish({ status: "success", token: message.data });
          return;
        case "error":
          finish({
            status: "error",
            errorCode: typeof message.errorCode === "string" ? message.errorCode : "payment.declined",
            errorMessage: typeof message.errorMessage === "string" ? message.errorMessage : null,
          });
          return;
        case "canceled":
          finish({ status: "canceled", reason: "customer" });
          return;
      }
    }
    window.addEventListener("message", onMessage);

    // The customer can close the window without choosing anything.
    const closedPoll = window.setInterval(() => {
      if (!popup.closed) return;
      window.clearInterval(closedPoll);
      window.setTimeout(() => finish({ status: "canceled", reason: "window-closed" }), CLOSED_GRACE_MS);
    }, CLOSED_POLL_MS);
  });
}
// #endregion
