// Read the result of an APM payment when the customer lands on your return_url, and hand the token
// to your backend. Browser TypeScript (ES2022 + DOM), no dependencies: copy it into your frontend.
//
// The checkout sends the customer to return_url?token=gway_req_… (approved) or
// return_url?error_code=… (declined, canceled) when it cannot post to the page that opened it:
// a backend redirect, an in-app browser, or a new tab without an opener.
//
// Usage, on the return page:
//   const result = readApmReturn(window.location.href);
//   if (result.status === "success") await sendTokenToBackend("/checkout/pay", { orderId, token: result.token });

/** What the return URL says about the APM payment. */
export type ApmReturn =
  | { status: 'success'; token: string }
  | { status: 'canceled' }
  | { status: 'error'; errorCode: string }
  /** Neither a token nor an error code: not a return from the checkout. */
  | { status: 'none' };

/** The customer left the provider page without paying; the invoice can still be paid. */
const CANCELED = 'customer.canceled';

// #region handle-apm-return
export function readApmReturn(url: string | URL): ApmReturn {
  const query = new URL(url).searchParams;
  const token = query.get('token');
  if (token) return { status: 'success', token };
  const errorCode = query.get('error_code');
  if (errorCode === CANCELED) return { status: 'canceled' };
  if (errorCode) return { status: 'error', errorCode };
  return { status: 'none' };
}

/**
 * Posts the token and your own order reference to your backend endpoint, which captures the invoice
 * with the secret key. The browser never calls the capture route itself: it would need the secret key.
 */
export async function sendTokenToBackend<Answer>(endpoint: string, payment: { orderId: string; token: string }): Promise<Answer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    // No invoice ID: your backend captures the invoice it created and stored for this order.
    body: JSON.stringify({ order_id: payment.orderId, token: payment.token }),
  });
  if (!response.ok) throw new Error(`${endpoint} answered HTTP ${response.status}`);
  return (await response.json()) as Answer;
}
// #endregion
