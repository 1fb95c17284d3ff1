// The APM prerequisites diagram, walked in a real browser (Debian's Chromium driven by playwright-core).
// The merchant site's page loads ProcessOut.js (the sandbox's stand-in, /processout.js) and uses the
// browser samples; its backend runs the server samples; the webhook sample receives the sandbox's events.
// The test plays the customer on the sandbox's provider page.
// samples/ is outside this tsconfig, and a script of globals cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- see above
/// <reference path="../../samples/processout-js.d.ts" />
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { findSampleFile } from '../samples/lib/discover.ts';
import { parseJsonOutput, runSample } from '../samples/lib/sample-runner.ts';
import { sandboxApi, type SandboxApi } from '../samples/lib/sandbox-api.ts';
import { requireTool } from '../samples/lib/tools.ts';
import { readApmReturn } from '../../samples/handle-apm-return/handle-apm-return.ts';
import { chromiumInstalled, launchChromium } from './lib/browser.ts';
import { PENDING_DELAY_MS, startFlowEnvironment, verifiedEvent, verifiedEventsOf, type FlowEnvironment } from './lib/flow-environment.ts';
import { startMerchantSite, type MerchantSite } from './lib/merchant-site.ts';
import { openSandboxDashboard } from './lib/sandbox-dashboard.ts';

const TEST_APM_BUTTON = 'Pay with Test APM (redirect)';

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
  // afterAll runs even when beforeAll failed part-way, before these were set.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  await site?.close();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  await flow?.close();
});

/** A page in a fresh browser context (a new customer), closed when the test ends. */
async function openPage(test: TestContext, path: string, beforeScripts?: () => void): Promise<Page> {
  requireTool(test, 'chromium');
  if (!browser) throw new Error('Chromium did not start');
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
    throw new Error(`The page never reached "${state}"; it shows: ${await page.locator('#status').textContent()}`, { cause: error });
  });
  return status.evaluate((element) => Object.fromEntries(Object.entries((element as HTMLElement).dataset)) as Record<string, string>);
}

/**
 * Steps 1–9: the page gets an invoice and, through ProcessOut.js, the APM list; the customer clicks the
 * test APM; ProcessOut.js opens the checkout. `listing` is the request ProcessOut.js made for the list.
 */
async function openTestApm(test: TestContext, path = '/'): Promise<{ page: Page; popup: Page; invoiceId: string; listing: Request }> {
  requireTool(test, 'chromium');
  if (!browser) throw new Error('Chromium did not start');
  const context = await browser.newContext();
  test.onTestFinished(() => context.close());
  const page = await context.newPage();
  const listed = page.waitForRequest(
    (request) => new URL(request.url()).pathname === '/gateway-configurations' && request.method() === 'GET',
  );
  await page.goto(`${site.url}${path}`);
  const { invoiceId } = await statusOf(page, 'ready');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: TEST_APM_BUTTON }).click();
  const popup = await popupOpened;
  await popup.getByRole('heading', { name: /Test payment provider/ }).waitFor();
  return { page, popup, invoiceId: invoiceId!, listing: await listed };
}

describe('APM redirect flow in Chromium, popup opened by ProcessOut.js', () => {
  it('approve: the token reaches the backend, the capture completes, the webhook is verified', async (context) => {
    const { page, popup, invoiceId, listing } = await openTestApm(context);
    // The listing went out as ProcessOut.js sends it: its version header, the headers copied into the query.
    const query = new URL(listing.url()).searchParams;
    expect(query.get('filter')).toBe('alternative-payment-methods');
    expect(query.get('x-API-Version')).toBe('1.3.0.0');
    expect(query.get('project_id')).toBe(DEMO_PROJECT.id);
    expect(await listing.headerValue('x-processout-js-version')).toBeTruthy();
    expect(await listing.headerValue('authorization')).toBe(`Basic ${Buffer.from(`${DEMO_PROJECT.id}:`).toString('base64')}`);

    expect(await popup.getByTestId('invoice-amount').textContent()).toBe('9.99 USD');
    await popup.getByRole('button', { name: 'Approve payment' }).click();

    expect(await statusOf(page, 'completed')).toMatchObject({ invoiceId });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: 'completed' });
    const captured = await verifiedEvent(flow.webhook, invoiceId, 'transaction.captured');
    expect(captured).toMatchObject({ status: 'completed', transaction_id: expect.stringMatching(/^tr_/) });

    // The sandbox dashboard, signed in with the project credentials, shows that very delivery and the history.
    const dashboard = await openSandboxDashboard(browser!, flow.sandbox.url);
    context.onTestFinished(() => dashboard.close());
    expect(await dashboard.deliveryAttempts(captured.event_id)).toEqual([
      {
        heading: `Attempt 1 to ${flow.webhook.url}: delivered`,
        request: `POST ${flow.webhook.url}`,
        answer: expect.stringMatching(/^delivered — HTTP 2\d\d$/),
      },
    ]);
    expect(await dashboard.statusHistory(invoiceId)).toEqual([
      { status: 'waiting', because: 'created with the invoice' },
      { status: 'authorized', because: 'transaction.authorized' },
      { status: 'completed', because: 'transaction.captured' },
    ]);
  }, 60_000);

  it('decline: the page shows payment.declined and the webhook verifies transaction.failed', async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.getByRole('button', { name: 'Decline payment' }).click();

    expect(await statusOf(page, 'declined')).toMatchObject({ invoiceId, errorCode: 'payment.declined' });
    const failed = await verifiedEvent(flow.webhook, invoiceId, 'transaction.failed');
    expect(failed).toMatchObject({ status: 'failed' });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: 'failed', error_code: 'payment.declined' });
  }, 60_000);

  it('cancel: the page shows the cancellation; nothing is charged and the invoice stays payable', async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.getByRole('button', { name: 'Cancel and go back' }).click();

    expect(await statusOf(page, 'canceled')).toMatchObject({ invoiceId, windowClosed: 'false' });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: 'waiting' });
    expect(verifiedEventsOf(flow.webhook, invoiceId)).toEqual([]);
  }, 60_000);

  it('pending: the capture answers pending, and the captured webhook arrives after the delay', async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.getByRole('button', { name: 'Leave pending' }).click();

    // The page shows what the capture answered.
    await statusOf(page, 'pending');
    await verifiedEvent(flow.webhook, invoiceId, 'transaction.captured', PENDING_DELAY_MS + 10_000);
    expect(verifiedEventsOf(flow.webhook, invoiceId).map((event) => event.event_type)).toEqual([
      'transaction.pending',
      'transaction.authorized',
      'transaction.captured',
    ]);
    // The capture answered pending; the confirmation came once the provider settled, after the delay.
    const firedAt = new Map((await api.eventsOf(invoiceId)).map((event) => [event.name, Date.parse(event.fired_at)]));
    expect(Number(firedAt.get('transaction.captured')) - Number(firedAt.get('transaction.pending'))).toBeGreaterThanOrEqual(
      PENDING_DELAY_MS,
    );
  }, 60_000);

  it('a closed checkout window counts as a cancellation', async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.close();

    expect(await statusOf(page, 'canceled')).toMatchObject({ invoiceId, windowClosed: 'true' });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: 'waiting' });
  }, 60_000);

  it('a shop page on another origin than its return_url still gets the token: it goes to the opener', async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context, '/?return=elsewhere');
    expect((await api.invoice(invoiceId)).return_url).toMatch(/^http:\/\/localhost:\d+\/checkout\/return$/);
    await popup.getByRole('button', { name: 'Approve payment' }).click();

    expect(await statusOf(page, 'completed')).toMatchObject({ invoiceId });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: 'completed' });
  }, 60_000);

  it("the stand-in's callbacks get ProcessOutException objects, like the real library's", async (context) => {
    const { page, popup, invoiceId } = await openTestApm(context);
    await popup.close();
    await statusOf(page, 'canceled');
    // Call the library directly too: its error object, as the page's error callback receives it.
    const caught = page.evaluate(
      ({ projectId, invoiceId }) =>
        new Promise((resolve) => {
          const client = new ProcessOut.ProcessOut(projectId);
          client.fetchGatewayConfigurations(
            { invoiceID: invoiceId, filter: 'alternative-payment-methods' },
            (confs) => {
              confs[0]!.handleInvoiceAction(
                (token) => resolve({ token }),
                (error) =>
                  resolve({
                    isError: error instanceof Error,
                    isException: error instanceof ProcessOut.Exception,
                    name: error.name,
                    code: error.code,
                    metadata: error.metadata,
                  }),
              );
            },
            resolve,
          );
        }),
      { projectId: DEMO_PROJECT.id, invoiceId },
    );
    const second = await page.waitForEvent('popup');
    await second.getByRole('button', { name: 'Cancel and go back' }).waitFor();
    await second.close();
    expect(await caught).toEqual({
      isError: true,
      isException: true,
      name: 'ProcessOutException',
      code: 'customer.canceled',
      metadata: { reason: 'tab_closed' },
    });
  }, 60_000);

  it('a blocked popup: the sample returns the URL to send the customer to instead', async (context) => {
    // Chromium under automation never blocks popups: stand in for the blocker, which makes
    // window.open return null (what happens when the page opens it after an await).
    const page = await openPage(context, '/', () => {
      window.open = () => null;
    });
    const { invoiceId } = await statusOf(page, 'ready');
    await page.getByRole('button', { name: TEST_APM_BUTTON }).click();
    const { redirectUrl } = await statusOf(page, 'blocked');
    expect(redirectUrl).toBe(`${flow.sandbox.url}/checkout/${DEMO_PROJECT.id}/${invoiceId}/redirect/${await api.testApmId()}`);
  }, 60_000);
});

describe('the checkout where the real ProcessOut.js opens it: the root of a checkout. host', () => {
  it('serves the provider page at checkout.localhost/{project}/{invoice}/redirect/{conf} and posts the token to the opener', async (context) => {
    const page = await openPage(context, '/');
    const { invoiceId } = await statusOf(page, 'ready');
    const checkoutUrl = `http://checkout.localhost:${new URL(flow.sandbox.url).port}/${DEMO_PROJECT.id}/${invoiceId}/redirect/${await api.testApmId()}`;
    // What ProcessOut.js does, reduced to the protocol: open the URL, wait for a message in its namespace.
    const received = page.evaluate(
      (url) =>
        new Promise<{ origin: string; data: unknown }>((resolve) => {
          window.addEventListener('message', (event) => {
            if (typeof event.data === 'string' && event.data.includes('"processout.checkout"'))
              resolve({ origin: event.origin, data: JSON.parse(event.data) });
          });
          window.open(url, 'processout.checkout-window', 'width=450,height=645');
        }),
      checkoutUrl,
    );
    const popup = await page.waitForEvent('popup');
    await popup.getByRole('button', { name: 'Approve payment' }).click();
    const message = await received;
    expect(message.origin).toBe(new URL(checkoutUrl).origin);
    expect(message.data).toMatchObject({ namespace: 'processout.checkout', action: 'success', data: expect.stringMatching(/^gway_req_/) });
  }, 60_000);
});

describe('APM redirect flow in Chromium, without a popup', () => {
  it('backend redirect: the checkout redirects to return_url?token=…, the return page hands the token over', async (context) => {
    const page = await openPage(context, '/redirect-checkout');
    const { invoiceId } = await statusOf(page, 'ready');
    expect(await api.invoice(invoiceId!)).toMatchObject({ metadata: { skip_processoutjs: 'true' } });

    await page.getByRole('button', { name: TEST_APM_BUTTON }).click();
    await page.getByRole('button', { name: 'Approve payment' }).click();

    expect(await statusOf(page, 'completed')).toMatchObject({ invoiceId });
    expect(new URL(page.url()).pathname).toBe('/checkout/return');
    expect(readApmReturn(page.url())).toMatchObject({ status: 'success', token: expect.stringMatching(/^gway_req_/) });
    expect(await api.transaction(invoiceId!)).toMatchObject({ status: 'completed' });
  }, 60_000);

  it('backend redirect, declined: the return page reads error_code', async (context) => {
    const page = await openPage(context, '/redirect-checkout');
    const { invoiceId } = await statusOf(page, 'ready');
    await page.getByRole('button', { name: TEST_APM_BUTTON }).click();
    await page.getByRole('button', { name: 'Decline payment' }).click();

    expect(await statusOf(page, 'declined')).toMatchObject({ invoiceId, errorCode: 'payment.declined' });
  }, 60_000);

  it("mobile deep link: the checkout redirects to the app's return_url with the token, which captures", async (context) => {
    // The app opens the checkout URL in a browser tab; the deep link that ends it is what the app receives.
    const page = await openPage(context, '/');
    const environment = flow.sampleEnvironment({ PROCESSOUT_CHECKOUT_URL: `${flow.sandbox.url}/checkout` });
    const created = await runSample(findSampleFile('create-invoice-deep-link', 'typescript'), environment);
    const invoiceId = (parseJsonOutput(created) as { id: string }).id;
    const built = await runSample(findSampleFile('build-apm-redirect-url', 'typescript'), {
      ...environment,
      INVOICE_ID: invoiceId,
      GATEWAY_CONFIGURATION_ID: await api.testApmId(),
    });
    const { redirect_url: redirectUrl } = parseJsonOutput(built) as { redirect_url: string };

    await page.goto(redirectUrl);
    const redirected = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Approve payment' }).click();
    const deepLink = (await redirected).headers().location ?? '';
    expect(deepLink).toMatch(/^your\.application\.id:\/\/processout\/return\?token=gway_req_/);

    const returned = readApmReturn(deepLink);
    if (returned.status !== 'success') throw new Error(`No token in ${deepLink}`);
    const captured = await runSample(findSampleFile('capture-invoice', 'typescript'), {
      ...environment,
      INVOICE_ID: invoiceId,
      GATEWAY_TOKEN: returned.token,
    });
    expect(parseJsonOutput(captured)).toMatchObject({ invoice_id: invoiceId, status: 'completed' });
  }, 60_000);
});
