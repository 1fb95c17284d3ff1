// The browser side of the test merchant site: built only from the browser samples an integrator
// copies (listApms, openApmCheckout, readApmReturn, sendTokenToBackend), plus the page plumbing.
// tests/e2e/lib/merchant-site.ts bundles it with esbuild and serves it as /app.js.
import { readApmReturn, sendTokenToBackend } from "../../../samples/handle-apm-return/handle-apm-return.ts";
import { listApms } from "../../../samples/list-apms-browser/list-apms-browser.ts";
import { openApmCheckout, type ApmCheckoutResult } from "../../../samples/open-apm-checkout/open-apm-checkout.ts";

/** What the merchant site's server puts in the page: public values only. */
interface SiteConfig {
  apiUrl: string;
  checkoutUrl: string;
  projectId: string;
}

/** What the merchant backend's /api/pay answers: the transaction the capture sample printed. */
interface PayAnswer {
  transaction: { id: string; status: string; error_code: string | null };
}

const INVOICE_KEY = "merchant-harness.invoice-id";
const ORDER_KEY = "merchant-harness.order-id";

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

const config = JSON.parse(element("config").textContent ?? "{}") as SiteConfig;
const status = element("status");

/** The test reads data-state (and data-invoice-id) from the status line. */
function show(state: string, details: Record<string, string | null> = {}): void {
  status.dataset.state = state;
  for (const [key, value] of Object.entries(details)) {
    if (value !== null) status.dataset[key] = value;
  }
  status.textContent = [state, ...Object.entries(details).map(([key, value]) => `${key}: ${value ?? "–"}`)].join(" · ");
}

/** Steps 2–5 of the diagram: the backend creates the invoice and hands its ID to the page. */
async function startPayment(flow: "popup" | "redirect"): Promise<Payment> {
  const response = await fetch("/api/invoices", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ flow }),
  });
  if (!response.ok) throw new Error(`/api/invoices answered HTTP ${response.status}`);
  const { invoice_id: invoiceId, order_id: orderId } = (await response.json()) as { invoice_id: string; order_id: string };
  return { invoiceId, orderId };
}

async function payWithToken({ invoiceId, orderId }: Payment, token: string): Promise<void> {
  show("capturing", { invoiceId });
  const answer = await sendTokenToBackend<PayAnswer>("/api/pay", { orderId, token });
  show(answer.transaction.status, { invoiceId, errorCode: answer.transaction.error_code });
}

async function handleCheckoutResult(payment: Payment, result: ApmCheckoutResult): Promise<void> {
  const { invoiceId } = payment;
  switch (result.status) {
    case "success":
      await payWithToken(payment, result.token);
      return;
    case "error":
      show("declined", { invoiceId, errorCode: result.errorCode });
      return;
    case "canceled":
      show("canceled", { invoiceId, reason: result.reason });
      return;
    case "blocked":
      show("blocked", { invoiceId, redirectUrl: result.redirectUrl });
      return;
  }
}

function addButton(label: string, onClick: () => void): void {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.addEventListener("click", onClick);
  element("apms").append(button);
}

/** Popup flow: the APM's page opens in a popup and posts its result back to this page. */
async function checkoutPage(): Promise<void> {
  const payment = await startPayment("popup");
  const { invoiceId } = payment;
  const apms = await listApms({ apiUrl: config.apiUrl, projectId: config.projectId });
  for (const apm of apms) {
    const target = { projectId: config.projectId, invoiceId, gatewayConfigurationId: apm.gatewayConfigurationId, checkoutUrl: config.checkoutUrl };
    addButton(`Pay with ${apm.displayName}`, () => {
      // Synchronously, inside the click: an await before this line would get the popup blocked.
      const result = openApmCheckout(target);
      show("checkout-open", { invoiceId });
      result.then((ended) => handleCheckoutResult(payment, ended)).catch(fail);
    });
  }
  show("ready", { invoiceId });
}

/** Backend-redirect flow: this tab goes to the APM's page and comes back to /checkout/return?token=…. */
async function redirectCheckoutPage(): Promise<void> {
  const { invoiceId, orderId } = await startPayment("redirect");
  const apms = await listApms({ apiUrl: config.apiUrl, projectId: config.projectId });
  for (const apm of apms) {
    addButton(`Pay with ${apm.displayName}`, () => {
      // The return URL carries neither: remember them for the return page.
      sessionStorage.setItem(INVOICE_KEY, invoiceId);
      sessionStorage.setItem(ORDER_KEY, orderId);
      const query = new URLSearchParams({ invoice_id: invoiceId, gateway_configuration_id: apm.gatewayConfigurationId });
      window.location.assign(`/api/redirect?${query}`);
    });
  }
  show("ready", { invoiceId });
}

async function returnPage(): Promise<void> {
  const invoiceId = sessionStorage.getItem(INVOICE_KEY);
  const orderId = sessionStorage.getItem(ORDER_KEY);
  const result = readApmReturn(window.location.href);
  if (!invoiceId || !orderId) return show("no-invoice");
  switch (result.status) {
    case "success":
      return payWithToken({ invoiceId, orderId }, result.token);
    case "error":
      return show("declined", { invoiceId, errorCode: result.errorCode });
    case "canceled":
      return show("canceled", { invoiceId });
    case "none":
      return show("not-a-return", { invoiceId });
  }
}

function fail(error: unknown): void {
  show("error", { message: error instanceof Error ? error.message : String(error) });
}

const pages: Record<string, () => Promise<void>> = {
  checkout: checkoutPage,
  "redirect-checkout": redirectCheckoutPage,
  return: returnPage,
};
const page = pages[document.body.dataset.page ?? ""];
if (page) page().catch(fail);
else fail(new Error(`Unknown page ${document.body.dataset.page}`));
