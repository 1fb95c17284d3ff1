// The browser side of the test merchant site: built only from the browser samples an integrator copies
// (showApmButtons, hookApmButton, readApmReturn, sendTokenToBackend) on top of ProcessOut.js, which the
// page loads from the sandbox (its stand-in for https://js.processout.com/processout.js), plus the page
// plumbing. tests/e2e/lib/merchant-site.ts bundles it with esbuild and serves it as /app.js.
// samples/ is outside this tsconfig, and a script of globals cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- see above
/// <reference path="../../../samples/processout-js.d.ts" />
import { readApmReturn, sendTokenToBackend } from '../../../samples/handle-apm-return/handle-apm-return.ts';
import { showApmButtons } from '../../../samples/list-apms-browser/list-apms-browser.ts';
import { hookApmButton, type ApmResult } from '../../../samples/open-apm-checkout/open-apm-checkout.ts';
import type { SiteConfig } from '../lib/merchant-site.ts';

/** What the merchant backend's /api/pay answers: the transaction the capture sample printed. */
interface PayAnswer {
  transaction: { id: string; status: string; error_code: string | null };
}

const INVOICE_KEY = 'merchant-harness.invoice-id';
const ORDER_KEY = 'merchant-harness.order-id';

/** What the backend answers when it creates the invoice of an order. */
interface Payment {
  invoiceId: string;
  orderId: string;
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found;
}

const config = JSON.parse(element('config').textContent) as SiteConfig;
const status = element('status');

/** The test reads data-state (and data-invoice-id, data-error-code, …) from the status line. */
function show(state: string, details: Record<string, string | null> = {}): void {
  status.dataset.state = state;
  for (const [key, value] of Object.entries(details)) {
    if (value !== null) status.dataset[key] = value;
  }
  status.textContent = [state, ...Object.entries(details).map(([key, value]) => `${key}: ${value ?? '–'}`)].join(' · ');
}

/** Steps 2–5 of the diagram: the backend creates the invoice and hands its ID to the page. */
async function startPayment(flow: 'popup' | 'redirect'): Promise<Payment> {
  const response = await fetch('/api/invoices', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // ?return=elsewhere: the invoice's return_url is on another origin than this page.
    body: JSON.stringify({ flow, return: new URLSearchParams(window.location.search).get('return') }),
  });
  if (!response.ok) throw new Error(`/api/invoices answered HTTP ${response.status}`);
  const { invoice_id: invoiceId, order_id: orderId } = (await response.json()) as { invoice_id: string; order_id: string };
  return { invoiceId, orderId };
}

async function payWithToken({ invoiceId, orderId }: Payment, token: string): Promise<void> {
  show('capturing', { invoiceId });
  const answer = await sendTokenToBackend<PayAnswer>('/api/pay', { orderId, token });
  show(answer.transaction.status, { invoiceId, errorCode: answer.transaction.error_code });
}

function showResult(invoiceId: string, result: ApmResult): void {
  switch (result.status) {
    case 'submitted': {
      const { transaction } = result.answer as PayAnswer;
      show(transaction.status, { invoiceId, errorCode: transaction.error_code });
      break;
    }
    case 'declined':
      show('declined', { invoiceId, errorCode: result.code });
      break;
    case 'canceled':
      show('canceled', { invoiceId, windowClosed: String(result.windowClosed) });
      break;
    case 'blocked':
      show('blocked', { invoiceId, redirectUrl: result.redirectUrl });
      break;
    case 'error':
      show('error', { invoiceId, errorCode: result.code, message: result.message });
      break;
  }
}

function listingFailed(error: ProcessOut.Exception): void {
  show('error', { errorCode: error.code, message: error.message });
}

/** Popup flow: ProcessOut.js opens the APM's page and calls back this page with the result. */
async function checkoutPage(): Promise<void> {
  const { invoiceId, orderId } = await startPayment('popup');
  showApmButtons({
    projectId: config.projectId,
    invoiceId,
    container: element('apms'),
    onButton: (button, apm) => {
      button.addEventListener('click', () => show('checkout-open', { invoiceId }));
      hookApmButton(button, apm, { orderId, payEndpoint: '/api/pay', onResult: (result) => showResult(invoiceId, result) });
      show('ready', { invoiceId });
    },
    onError: listingFailed,
  });
}

/** Backend-redirect flow: this tab goes to the APM's page and comes back to /checkout/return?token=…. */
async function redirectCheckoutPage(): Promise<void> {
  const { invoiceId, orderId } = await startPayment('redirect');
  showApmButtons({
    projectId: config.projectId,
    invoiceId,
    container: element('apms'),
    onButton: (button, apm) => {
      button.addEventListener('click', () => {
        // The return URL carries neither: remember them for the return page.
        sessionStorage.setItem(INVOICE_KEY, invoiceId);
        sessionStorage.setItem(ORDER_KEY, orderId);
        const query = new URLSearchParams({ invoice_id: invoiceId, gateway_configuration_id: apm.id });
        window.location.assign(`/api/redirect?${query}`);
      });
      show('ready', { invoiceId });
    },
    onError: listingFailed,
  });
}

async function returnPage(): Promise<void> {
  const invoiceId = sessionStorage.getItem(INVOICE_KEY);
  const orderId = sessionStorage.getItem(ORDER_KEY);
  const result = readApmReturn(window.location.href);
  if (!invoiceId || !orderId) {
    show('no-invoice');
    return;
  }
  switch (result.status) {
    case 'success':
      return payWithToken({ invoiceId, orderId }, result.token);
    case 'error':
      show('declined', { invoiceId, errorCode: result.errorCode });
      break;
    case 'canceled':
      show('canceled', { invoiceId });
      break;
    case 'none':
      show('not-a-return', { invoiceId });
      break;
  }
}

function fail(error: unknown): void {
  show('error', { message: error instanceof Error ? error.message : String(error) });
}

const pages: Record<string, () => Promise<void>> = {
  checkout: checkoutPage,
  'redirect-checkout': redirectCheckoutPage,
  return: returnPage,
};
const page = pages[document.body.dataset.page ?? ''];
if (page) page().catch(fail);
else fail(new Error(`Unknown page ${document.body.dataset.page}`));
