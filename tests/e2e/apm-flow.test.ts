// The APM prerequisites diagram, walked in a real browser (Debian's Chromium driven by playwright-core).
// The merchant site's page uses the browser samples; its backend runs the server samples; the webhook
// sample receives the sandbox's events. The test plays the customer on the sandbox's provider page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { DEMO_PROJECT } from "../../sandbox/src/index.ts";
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

beforeAll(async () => {
  flow = await startFlowEnvironment();
  site = await startMerchantSite({ sandboxUrl: flow.sandbox.url, webhookUrl: flow.webhook.url });
  api = sandboxApi(flow.sandbox.url);
  if (chromiumInstalled) browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await flow?.close();
});

/** A page in a fresh browser context (a new customer), closed when the test ends. */
async function openPage(test: TestContext, path: string, beforeScripts?: () => void): Promise<Page> {
  requireTool(test, "chromium");
  if (!browser) throw new Error("Chromium did not start");
  const context = await browser.newContext();
  test.onTestFinished(() => context.close());
  if (beforeScripts) await context.addInitScript(beforeScripts);
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

/** The page's status line: data-state says where the payment is, data-invoice-id which invoice. */
async function statusOf(page: Page, state: string): Promise<Record<string, string>> {
  const status = page.locator(`#status[data-state="${state}"]`);
  await status.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    throw new Error(`The page never reached "${state}"; it shows: ${await page.locator("#status").textContent()}`, { cause: error });
  });
  return status.evaluate((element) => ({ ...(element as HTMLElement).dataset }) as Record<string, string>);
}

/** Steps 1–9: the page gets an invoice and the APM list, the customer clicks the test APM, the checkout opens. */
async function openTestApm(test: TestContext): Promise<{ page: Page; popup: Page; invoiceId: string }> {
  const page = await openPage(test, "/");
  const { invoiceId } = await statusOf(page, "ready");
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: TEST_APM_BUTTON }).click();
  const popup = await popupOpened;
  await popup.getByRole("heading", { name: /Test payment provider/ }).waitFor();
  return { page, popup, invoiceId: invoiceId as string };
}

describe("APM redirect flow in Chromium, popup opened by the browser sample", () => {
  it("approve: the token reaches the backend, the capture completes, the webhook is verified", async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    expect(await popup.getByTestId("invoice-amount").textContent()).toBe("9.99 USD");
    await popup.getByRole("button", { name: "Approve payment" }).click();

    expect(await statusOf(page, "completed")).toMatchObject({ invoiceId });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "completed" });
    const captured = await verifiedEvent(flow.webhook, invoiceId, "transaction.captured");
    expect(captured).toMatchObject({ status: "completed", transaction_id: expect.stringMatching(/^tr_/) });
  }, 60_000);

  it("decline: the page shows payment.declined and the webhook verifies transaction.failed", async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.getByRole("button", { name: "Decline payment" }).click();

    expect(await statusOf(page, "declined")).toMatchObject({ invoiceId, errorCode: "payment.declined" });
    const failed = await verifiedEvent(flow.webhook, invoiceId, "transaction.failed");
    expect(failed).toMatchObject({ status: "failed" });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "failed", error_code: "payment.declined" });
  }, 60_000);

  it("cancel: the page shows the cancellation; nothing is charged and the invoice stays payable", async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.getByRole("button", { name: "Cancel and go back" }).click();

    expect(await statusOf(page, "canceled")).toMatchObject({ invoiceId, reason: "customer" });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "waiting" });
    expect(verifiedEventsOf(flow.webhook, invoiceId)).toEqual([]);
  }, 60_000);

  it("pending: the capture answers pending, and the captured webhook arrives after the delay", async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.getByRole("button", { name: "Leave pending" }).click();

    // The page shows what the capture answered.
    await statusOf(page, "pending");
    await verifiedEvent(flow.webhook, invoiceId, "transaction.captured", PENDING_DELAY_MS + 10_000);
    expect(verifiedEventsOf(flow.webhook, invoiceId).map((event) => event.event_type)).toEqual([
      "transaction.pending",
      "transaction.authorized",
      "transaction.captured",
    ]);
    // The capture answered pending; the confirmation came once the provider settled, after the delay.
    const firedAt = new Map((await api.eventsOf(invoiceId)).map((event) => [event.name, Date.parse(event.fired_at)]));
    expect(Number(firedAt.get("transaction.captured")) - Number(firedAt.get("transaction.pending"))).toBeGreaterThanOrEqual(PENDING_DELAY_MS);
  }, 60_000);

  it("a closed checkout window counts as a cancellation", async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.close();

    expect(await statusOf(page, "canceled")).toMatchObject({ invoiceId, reason: "window-closed" });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: "waiting" });
  }, 60_000);

  it("a blocked popup: the sample returns the URL to send the customer to instead", async (context) => {
    // Chromium under automation never blocks popups: stand in for the blocker, which makes
    // window.open return null (what happens when the page opens it after an await).
    const page = await openPage(context, "/", () => {
      window.open = () => null;
    });
    const { invoiceId } = await statusOf(page, "ready");
    await page.getByRole("button", { name: TEST_APM_BUTTON }).click();
    const { redirectUrl } = await statusOf(page, "blocked");
    expect(redirectUrl).toBe(`${flow.sandbox.url}/checkout/${DEMO_PROJECT.id}/${invoiceId}/redirect/${await api.testApmId()}`);
  }, 60_000);
});

describe("APM redirect flow in Chromium, without a popup", () => {
  it("backend redirect: the checkout redirects to return_url?token=…, the return page hands the token over", async (context) => {
    const page = await openPage(context, "/redirect-checkout");
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
    const page = await openPage(context, "/redirect-checkout");
    const { invoiceId } = await statusOf(page, "ready");
    await page.getByRole("button", { name: TEST_APM_BUTTON }).click();
    await page.getByRole("button", { name: "Decline payment" }).click();

    expect(await statusOf(page, "declined")).toMatchObject({ invoiceId, errorCode: "payment.declined" });
  }, 60_000);

  it("mobile deep link: the checkout redirects to the app's return_url with the token, which captures", async (context) => {
    // The app opens the checkout URL in a browser tab; the deep link that ends it is what the app receives.
    const page = await openPage(context, "/");
    const environment = flow.sampleEnvironment({ PROCESSOUT_CHECKOUT_URL: `${flow.sandbox.url}/checkout` });
    const created = await runSample(findSampleFile("create-invoice-deep-link", "typescript"), environment);
    const invoiceId = (parseJsonOutput(created) as { id: string }).id;
    const built = await runSample(findSampleFile("build-apm-redirect-url", "typescript"), {
      ...environment,
      INVOICE_ID: invoiceId,
      GATEWAY_CONFIGURATION_ID: await api.testApmId(),
    });
    const { redirect_url: redirectUrl } = parseJsonOutput(built) as { redirect_url: string };

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
