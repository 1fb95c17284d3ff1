// The APM prerequisites diagram without a browser: the same samples, chained as an integrator's backend
// would chain them, with the sandbox's completion route standing in for the customer's clicks. It proves
// the flow where no browser is installed.
import { beforeAll, describe, expect, it } from 'vitest';
import { readApmReturn } from '../../samples/handle-apm-return/handle-apm-return.ts';
import { findSampleFile } from '../samples/lib/discover.ts';
import type { SampleLanguageValue as Language } from '../../src/sample-files/index.ts';
import { parseJsonOutput, RUN_TOOLS, runSample } from '../samples/lib/sample-runner.ts';
import { sandboxApi, type SandboxApi } from '../samples/lib/sandbox-api.ts';
import { requireTool } from '../samples/lib/tools.ts';
import { PENDING_DELAY_MS, startFlowEnvironment, verifiedEvent, verifiedEventsOf, type FlowEnvironment } from './lib/flow-environment.ts';

const SHOP_RETURN_URL = 'https://shop.example/checkout/return';
const APP_RETURN_URL = 'your.application.id://processout/return';

let flow: FlowEnvironment;
let api: SandboxApi;

beforeAll(async () => {
  flow = await startFlowEnvironment();
  api = sandboxApi(flow.sandbox.url);
  return () => flow.close();
}, 60_000);

type Json = Record<string, unknown>;

/**
 * One step of the flow: runs samples/<folder> in the given language and returns what it printed.
 * curl prints the API's answer; TypeScript prints the resource, so `key` unwraps the curl answer.
 */
async function step(folder: string, language: Language, inputs: Record<string, string>, key?: string): Promise<Json> {
  const result = await runSample(findSampleFile(folder, language), flow.sampleEnvironment(inputs));
  expect(result.exitCode, `${folder} (${language}):\n${result.stdout}\n${result.stderr}`).toBe(0);
  const output = parseJsonOutput(result) as Json;
  return language === 'curl' && key ? (output[key] as Json) : output;
}

/** The test APM's gateway configuration ID, from the list-apms sample's output. */
async function testApmFrom(language: Language): Promise<string> {
  const output = await step('list-apms', language, {}, 'gateway_configurations');
  const apms = (Array.isArray(output) ? output : []) as Json[];
  const apm = apms.find((candidate) => (candidate.gateway as Json | undefined)?.name === 'test-alternative-payment');
  if (!apm) throw new Error(`list-apms (${language}) did not list the test APM: ${JSON.stringify(output)}`);
  return String(apm.id);
}

/** The customer's choice on the provider page, played through the sandbox's completion route. */
function completeTestPayment(language: Language, invoiceId: string, gatewayConfigurationId: string, outcome: string) {
  return step('complete-test-payment', language, {
    INVOICE_ID: invoiceId,
    GATEWAY_CONFIGURATION_ID: gatewayConfigurationId,
    OUTCOME: outcome,
  });
}

describe.each(['typescript', 'curl'] as const)('the whole flow with the %s samples', (language) => {
  it('approve: invoice → APM list → token → capture → verified webhook → event', async (context) => {
    for (const tool of RUN_TOOLS[language] ?? []) requireTool(context, tool);
    const invoice = await step(
      'create-invoice-with-webhook',
      language,
      { RETURN_URL: SHOP_RETURN_URL, WEBHOOK_URL: flow.webhook.url },
      'invoice',
    );
    const invoiceId = String(invoice.id);
    const gatewayConfigurationId = await testApmFrom(language);

    const completed = await completeTestPayment(language, invoiceId, gatewayConfigurationId, 'approve');
    const token = String(completed.token);
    expect(completed.redirect_url).toBe(`${SHOP_RETURN_URL}?token=${encodeURIComponent(token)}`);

    const transaction = await step('capture-invoice', language, { INVOICE_ID: invoiceId, GATEWAY_TOKEN: token }, 'transaction');
    expect(transaction).toMatchObject({ invoice_id: invoiceId, status: 'completed' });

    const captured = await verifiedEvent(flow.webhook, invoiceId, 'transaction.captured');
    expect(captured).toMatchObject({ transaction_id: transaction.id, status: 'completed' });
    const event = await step('fetch-event', language, { EVENT_ID: captured.event_id }, 'event');
    expect(event).toMatchObject({ id: captured.event_id, name: 'transaction.captured', data: { transaction: { id: transaction.id } } });
  }, 60_000);
});

describe('the other endings, with the TypeScript samples', () => {
  const language = 'typescript';
  const newInvoice = async (
    folder = 'create-invoice-with-webhook',
    inputs: Record<string, string> = { RETURN_URL: SHOP_RETURN_URL, WEBHOOK_URL: flow.webhook.url },
  ) => String((await step(folder, language, inputs)).id);

  it('the checkout page the redirect URL sample builds is the test provider page', async () => {
    const invoiceId = await newInvoice();
    const { redirect_url: redirectUrl } = await step('build-apm-redirect-url', language, {
      PROCESSOUT_CHECKOUT_URL: `${flow.sandbox.url}/checkout`,
      INVOICE_ID: invoiceId,
      GATEWAY_CONFIGURATION_ID: await api.testApmId(),
    });
    const page = await fetch(String(redirectUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Test payment provider');
  }, 60_000);

  it('decline: no token, a verified transaction.failed webhook, and a second attempt can still pay', async () => {
    const invoiceId = await newInvoice();
    const gatewayConfigurationId = await api.testApmId();
    const declined = await completeTestPayment(language, invoiceId, gatewayConfigurationId, 'decline');
    expect(declined).toMatchObject({ error_code: 'payment.declined', redirect_url: `${SHOP_RETURN_URL}?error_code=payment.declined` });
    expect(declined.token).toBeUndefined();
    expect(await verifiedEvent(flow.webhook, invoiceId, 'transaction.failed')).toMatchObject({ status: 'failed' });

    const retried = await completeTestPayment(language, invoiceId, gatewayConfigurationId, 'approve');
    const transaction = await step('capture-invoice', language, { INVOICE_ID: invoiceId, GATEWAY_TOKEN: String(retried.token) });
    expect(transaction).toMatchObject({ status: 'completed' });
  }, 60_000);

  it('cancel: customer.canceled, no webhook, and the invoice stays payable', async () => {
    const invoiceId = await newInvoice();
    const canceled = await completeTestPayment(language, invoiceId, await api.testApmId(), 'cancel');
    expect(readApmReturn(String(canceled.redirect_url))).toEqual({ status: 'canceled' });
    expect(await api.transaction(invoiceId)).toMatchObject({ status: 'waiting' });
    expect(verifiedEventsOf(flow.webhook, invoiceId)).toEqual([]);
  }, 60_000);

  it('pending: the capture answers pending, then the captured webhook comes after the delay', async () => {
    const invoiceId = await newInvoice();
    const pending = await completeTestPayment(language, invoiceId, await api.testApmId(), 'pending');
    const transaction = await step('capture-invoice', language, { INVOICE_ID: invoiceId, GATEWAY_TOKEN: String(pending.token) });
    expect(transaction).toMatchObject({ status: 'pending' });
    expect(await verifiedEvent(flow.webhook, invoiceId, 'transaction.captured', PENDING_DELAY_MS + 10_000)).toMatchObject({
      status: 'completed',
    });
    expect(verifiedEventsOf(flow.webhook, invoiceId).map((event) => event.event_type)).toEqual([
      'transaction.pending',
      'transaction.authorized',
      'transaction.captured',
    ]);
  }, 60_000);

  it('authorize, then capture with the same token', async () => {
    const invoiceId = await newInvoice();
    const { token } = await completeTestPayment(language, invoiceId, await api.testApmId(), 'approve');
    expect(await step('authorize-invoice', language, { INVOICE_ID: invoiceId, GATEWAY_TOKEN: String(token) })).toMatchObject({
      status: 'authorized',
    });
    expect(await step('capture-invoice', language, { INVOICE_ID: invoiceId, GATEWAY_TOKEN: String(token) })).toMatchObject({
      status: 'completed',
    });
    await verifiedEvent(flow.webhook, invoiceId, 'transaction.captured');
  }, 60_000);

  it('backend redirect: the checkout sends the customer to return_url?token=…, which the return handler reads', async () => {
    const invoiceId = await newInvoice('create-invoice-backend-redirect', { RETURN_URL: SHOP_RETURN_URL });
    const completed = await completeTestPayment(language, invoiceId, await api.testApmId(), 'approve');
    const returned = readApmReturn(String(completed.redirect_url));
    if (returned.status !== 'success') throw new Error(`No token in ${String(completed.redirect_url)}`);
    expect(await step('capture-invoice', language, { INVOICE_ID: invoiceId, GATEWAY_TOKEN: returned.token })).toMatchObject({
      status: 'completed',
    });
  }, 60_000);

  it("mobile deep link: the token comes back on the app's return_url", async () => {
    const invoiceId = await newInvoice('create-invoice-deep-link', {});
    const completed = await completeTestPayment(language, invoiceId, await api.testApmId(), 'approve');
    expect(String(completed.redirect_url).startsWith(`${APP_RETURN_URL}?token=gway_req_`)).toBe(true);
    const returned = readApmReturn(String(completed.redirect_url));
    if (returned.status !== 'success') throw new Error(`No token in ${String(completed.redirect_url)}`);
    expect(await step('capture-invoice', language, { INVOICE_ID: invoiceId, GATEWAY_TOKEN: returned.token })).toMatchObject({
      status: 'completed',
    });
  }, 60_000);
});
