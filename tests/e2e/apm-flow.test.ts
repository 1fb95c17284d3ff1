// The APM prerequisites diagram, walked in a real browser (Debian's Chromium driven by playwright-core).
// The merchant site's page uses the browser samples; its backend runs the server samples; the webhook
// sample receives the sandbox's events. The test plays the customer on the sandbox's provider page.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findSampleFile } from "../samples/lib/discover.ts";
import { parseJsonOutput, runSample } from "../samples/lib/sample-runner.ts";
import { sandboxApi, type SandboxApi } from "../samples/lib/sandbox-api.ts";
import { requireTool } from "../samples/lib/tools.ts";
import { readApmReturn } from "../../samples/handle-apm-return/handle-apm-return.ts";
import { chromiumInstalled, launchChromium } from "./lib/browser.ts";
import { PENDING_DELAY_MS, startFlowEnvironment, verifiedEvent, verifiedEventsOf, type FlowEnvironment } from "./lib/flow-environment.ts";
import { startMerchantSite, type MerchantSite } from "./lib/merchant-site.ts";

const TEST_APM_BUTTON = "Pay with Test APM (redirect)";

let flow: FlowEnvironment;
let site: MerchantSite;
let api: SandboxApi;
let browser: Browser | undefined;
const pages: Page[] = [];

beforeAll(async () => {
  flow = await startFlowEnvironment();
  site = await startMerchantSite({ sandboxUrl: flow.sandbox.url, webhookUrl: flow.webhook.url });
  api = sandboxApi(flow.sandbox.url);
  if (chromiumInstalled) browser = await launchChromium();
}, 60_000);

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await flow?.close();
});

async function openPage(path: string): Promise<Page> {
  if (!browser) throw new Error("Chromium did not start");
  const context = await browser.newContext();
  const page = await context.newPage();
  pages.push(page);
  await page.goto(`${site.url}${path}`);
  return page;
}

/** The page's status line: data-state says where the payment is, data-invoice-id which invoice. */
async function statusOf(page: Page, state: string): Promise<Record<string, string>> {
  const status = page.locator(`#status[data-state="${state}"]`);
  await status.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
    throw new Error(`The page never reached "${state}"; it shows: ${await page.locator("#status").textContent()}`, { cause: error });
  });
  return status.evaluate((element) => ({ ...(element as HTMLElement).dataset }) as Record<string, string>);
}

/** Steps 1–9: the page gets an invoice and the APM list, the customer clicks the test APM, the checkout opens. */
async function openTestApm(): Promise<{ page: Page; popup: Page; invoiceId: string }> {
  const page = await openPage("/");
  const { invoiceId } = await statusOf(page, "ready");
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: TEST_APM_BUTTON }).click();
  const popup = await popupOpened;
  await popup.getByRole("heading", { name: /Test payment provider/ }).waitFor();
  return { page, popup, invoiceId: invoiceId as string };
}

describe("APM redirect flow in Chromium, popup opened by the browser sample", () => {
  it("approve: the token reaches the backend, the capture completes, the webhook is verified", async (context) => {
    requireTool(context, "chromium");
    const { page, popup, invoiceId } = await openTestApm();
    expect(await popup.getByTestId("invoice-amount").textContent()).toBe("9.99 USD");
    await popup.getByRole("button", { name: "Approve payment" }).click();

    expect(await statusOf(page, "completed")).toMatchObject({ invoiceId });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "completed" });
    const captured = await verifiedEvent(flow.webhook, invoiceId, "transaction.captured");
    expect(captured).toMatchObject({ status: "completed", transaction_id: expect.stringMatching(/^tr_/) });
  }, 60_000);

  it("decline: the page shows payment.declined and the webhook verifies transaction.failed", async (context) => {
    requireTool(context, "chromium");
    const { page, popup, invoiceId } = await openTestApm();
    await popup.getByRole("button", { name: "Decline payment" }).click();

    expect(await statusOf(page, "declined")).toMatchObject({ invoiceId, errorCode: "payment.declined" });
    const failed = await verifiedEvent(flow.webhook, invoiceId, "transaction.failed");
    expect(failed).toMatchObject({ status: "failed" });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "failed", error_code: "payment.declined" });
  }, 60_000);

  it("cancel: the page shows the cancellation; nothing is charged and the invoice stays payable", async (context) => {
    requireTool(context, "chromium");
    const { page, popup, invoiceId } = await openTestApm();
    await popup.getByRole("button", { name: "Cancel and go back" }).click();

    expect(await statusOf(page, "canceled")).toMatchObject({ invoiceId, reason: "customer" });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "waiting" });
    expect(verifiedEventsOf(flow.webhook, invoiceId)).toEqual([]);
  }, 60_000);

  it("pending: the capture answers pending, and the captured webhook arrives after the delay", async (context) => {
    requireTool(context, "chromium");
    const { page, popup, invoiceId } = await openTestApm();
    await popup.getByRole("button", { name: "Leave pending" }).click();

    await statusOf(page, "pending");
    const answeredAt = Date.now();
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "pending" });
    await verifiedEvent(flow.webhook, invoiceId, "transaction.captured", PENDING_DELAY_MS + 10_000);
    // The capture answered first; the confirmation came only once the provider settled.
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(PENDING_DELAY_MS / 2);
    expect(verifiedEventsOf(flow.webhook, invoiceId).map((event) => event.event_type)).toEqual([
      "transaction.pending",
      "transaction.authorized",
      "transaction.captured",
    ]);
  }, 60_000);

  it("a closed checkout window counts as a cancellation", async (context) => {
    requireTool(context, "chromium");
    const { page, popup, invoiceId } = await openTestApm();
    await popup.close();

    expect(await statusOf(page, "canceled")).toMatchObject({ invoiceId, reason: "window-closed" });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "waiting" });
  }, 60_000);

  it("outside a click the popup is blocked, and the sample says so with the URL to redirect to", async (context) => {
    requireTool(context, "chromium");
    const page = await openPage("/");
    const { invoiceId } = await statusOf(page, "ready");
    const result = await page.evaluate(() => (window as unknown as { openApmCheckoutOutsideClick(): Promise<unknown> }).openApmCheckoutOutsideClick());
    expect(result).toEqual({ status: "blocked", redirectUrl: expect.stringContaining(`/${invoiceId}/redirect/`) });
  }, 60_000);
});

describe("APM redirect flow in Chromium, without a popup", () => {
  it("backend redirect: the checkout redirects to return_url?token=…, the return page hands the token over", async (context) => {
    requireTool(context, "chromium");
    const page = await openPage("/redirect-checkout");
    const { invoiceId } = await statusOf(page, "ready");
    expect(await api.invoice(invoiceId as string)).toMatchObject({ metadata: { skip_processoutjs: "true" } });

    await page.getByRole("button", { name: TEST_APM_BUTTON }).click();
    await page.getByRole("button", { name: "Approve payment" }).click();

    expect(await statusOf(page, "completed")).toMatchObject({ invoiceId });
    expect(new URL(page.url()).pathname).toBe("/checkout/return");
    expect(readApmReturn(page.url())).toMatchObject({ status: "success", token: expect.stringMatching(/^gway_req_/) });
    expect(await api.transaction(invoiceId as string)).toMatchObject({ status: "completed" });
  }, 60_000);

  it("backend redirect, declined: the return page reads error_code", async (context) => {
    requireTool(context, "chromium");
    const page = await openPage("/redirect-checkout");
    const { invoiceId } = await statusOf(page, "ready");
    await page.getByRole("button", { name: TEST_APM_BUTTON }).click();
    await page.getByRole("button", { name: "Decline payment" }).click();

    expect(await statusOf(page, "declined")).toMatchObject({ invoiceId, errorCode: "payment.declined" });
  }, 60_000);

  it("mobile deep link: the checkout redirects to the app's return_url with the token, which captures", async (context) => {
    requireTool(context, "chromium");
    const environment = flow.sampleEnvironment({ PROCESSOUT_CHECKOUT_URL: `${flow.sandbox.url}/checkout` });
    const created = await runSample(findSampleFile("create-invoice-deep-link", "typescript"), environment);
    const invoiceId = (parseJsonOutput(created) as { id: string }).id;
    const built = await runSample(findSampleFile("build-apm-redirect-url", "typescript"), {
      ...environment,
      INVOICE_ID: invoiceId,
      GATEWAY_CONFIGURATION_ID: await api.testApmId(),
    });
    const { redirect_url: redirectUrl } = parseJsonOutput(built) as { redirect_url: string };

    // The app opens the URL in a browser tab; the deep link that ends it is what the app receives.
    const page = await openPage("/");
    await page.goto(redirectUrl);
    const redirected = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Approve payment" }).click();
    const deepLink = (await redirected).headers().location ?? "";
    expect(deepLink).toMatch(/^your\.application\.id:\/\/processout\/return\?token=gway_req_/);

    const returned = readApmReturn(deepLink);
    if (returned.status !== "success") throw new Error(`No token in ${deepLink}`);
    const captured = await runSample(findSampleFile("capture-invoice", "typescript"), {
      ...environment,
      INVOICE_ID: invoiceId,
      GATEWAY_TOKEN: returned.token,
    });
    expect(parseJsonOutput(captured)).toMatchObject({ invoice_id: invoiceId, status: "completed" });
  }, 60_000);
});
