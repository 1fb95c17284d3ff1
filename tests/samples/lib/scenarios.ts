// What each kind of sample must do when it runs against the sandbox. Every scenario sets up its
// situation through the API (an invoice, a token, an event), runs the sample as an integrator would,
// then reads the result back through the API, independently of what the sample printed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import type { SampleExpectation } from '../expectations.ts';
import type { SampleFile } from '../../../src/sample-files/index.ts';
import type { RunResult } from './run.ts';
import type { SandboxApi } from './sandbox-api.ts';
import { parseJsonOutput, RUN_TOOLS, runSample, startServerSample, type RunningServerSample } from './sample-runner.ts';
import { offerResponse } from './responses.ts';
import { requireTool } from './tools.ts';

export interface ScenarioContext {
  /** The sandbox URL, once the suite started it. */
  sandboxUrl(): string;
  api(): SandboxApi;
}

type Skippable = { skip: (note?: string) => never };
type Environment = Record<string, string>;

const WRONG_SECRET = { PROCESSOUT_PROJECT_SECRET: 'not-the-project-secret' };
/** What the webhook samples print once they listen, with the URL to post to. */
export const WEBHOOK_LISTENING = /Listening for ProcessOut webhooks on (http:\/\/\S+)/;

function failureOutput(result: RunResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

/** curl samples print the API's answer as is; TypeScript samples print the resource they asked for. */
export function resourceOf(file: SampleFile, output: unknown, key: string): Record<string, unknown> {
  if (file.language !== 'curl') return output as Record<string, unknown>;
  expect(output).toMatchObject({ success: true, [key]: expect.anything() });
  return (output as Record<string, Record<string, unknown>>)[key]!;
}

/** Registers the run tests of one sample file; only curl and TypeScript run (see the README). */
export function defineRunTests(file: SampleFile, expectation: SampleExpectation, suite: ScenarioContext): void {
  const runTools = RUN_TOOLS[file.language];
  if (!runTools) return;

  const ready = (context: Skippable) => {
    for (const tool of runTools) requireTool(context, tool);
  };
  const environment = (extra: Environment = {}) => ({
    PROCESSOUT_PROJECT_ID: DEMO_PROJECT.id,
    PROCESSOUT_PROJECT_SECRET: DEMO_PROJECT.secret,
    PROCESSOUT_API_URL: suite.sandboxUrl(),
    ...extra,
  });
  const runWith = (extra: Environment = {}) => runSample(file, environment(extra));
  const succeed = async (extra: Environment = {}) => {
    const result = await runWith(extra);
    expect(result.exitCode, failureOutput(result)).toBe(0);
    const output = parseJsonOutput(result);
    // The first successful run of a TypeScript sample is the response its page shows (responses.ts).
    offerResponse(file, output, suite.sandboxUrl());
    return output;
  };
  /** The sample must stop with the API's error_type when the secret is wrong, whatever its other inputs. */
  const rejectsWrongSecret = (inputs: () => Promise<Environment> = async () => ({})) => {
    it("exits non-zero with the API's error_type when the secret is wrong", async (context) => {
      ready(context);
      const result = await runWith({ ...(await inputs()), ...WRONG_SECRET });
      expect(result.exitCode).not.toBe(0);
      expect(failureOutput(result)).toContain('request.authentication.invalid');
    }, 60_000);
  };
  /** An invoice and an approved (or pending) token for it. */
  const invoiceWithToken = async (outcome: 'approve' | 'pending' = 'approve') => {
    const invoice = await suite.api().createInvoice();
    const { token } = await suite.api().complete(invoice.id, outcome);
    return { invoiceId: invoice.id, token: token! };
  };

  switch (expectation.kind) {
    case 'checks-credentials':
      it('confirms the demo credentials against the sandbox', async (context) => {
        ready(context);
        expect(await succeed()).toMatchObject({ success: true });
      }, 60_000);
      rejectsWrongSecret();
      return;

    case 'creates-invoice':
      it('creates the expected invoice in the sandbox', async (context) => {
        ready(context);
        const printed = resourceOf(file, await succeed(), 'invoice');
        expect(printed).toMatchObject({ id: expect.stringMatching(/^iv_/), ...expectation.invoice });
        expect(await suite.api().invoice(String(printed.id))).toMatchObject({ id: printed.id, ...expectation.invoice });
      }, 60_000);
      if (expectation.overrides) {
        const { overrides } = expectation;
        it(`points the invoice at your own site with ${Object.keys(overrides.env).join(' and ')}`, async (context) => {
          ready(context);
          const printed = resourceOf(file, await succeed(overrides.env), 'invoice');
          const expected = { ...expectation.invoice, ...overrides.invoice };
          expect(await suite.api().invoice(String(printed.id))).toMatchObject(expected);
        }, 60_000);
      }
      rejectsWrongSecret();
      return;

    case 'lists-apms':
      it('lists every APM of the project, with the ID to pay with', async (context) => {
        ready(context);
        const expected = await suite.api().apmConfigurations();
        const output = await succeed();
        if (file.language === 'curl') {
          const listed = resourceOf(file, output, 'gateway_configurations') as unknown as { id: string }[];
          expect(listed.map((configuration) => configuration.id)).toEqual(expected.map((configuration) => configuration.id));
          return;
        }
        expect(output).toEqual(
          expected.map((configuration) => ({
            id: configuration.id,
            gateway: {
              name: configuration.gateway.name,
              display_name: configuration.gateway.display_name,
              logo_url: expect.stringContaining(configuration.gateway.name),
            },
          })),
        );
        expect(output).toContainEqual(expect.objectContaining({ gateway: expect.objectContaining({ name: 'test-alternative-payment' }) }));
      }, 60_000);
      rejectsWrongSecret();
      return;

    case 'builds-redirect-url':
      it("builds the test APM's checkout URL, which opens the test provider page", async (context) => {
        ready(context);
        const invoice = await suite.api().createInvoice();
        const gatewayConfigurationId = await suite.api().testApmId();
        const output = await succeed({
          PROCESSOUT_CHECKOUT_URL: `${suite.sandboxUrl()}/checkout`,
          INVOICE_ID: invoice.id,
          GATEWAY_CONFIGURATION_ID: gatewayConfigurationId,
        });
        const expectedUrl = `${suite.sandboxUrl()}/checkout/${DEMO_PROJECT.id}/${invoice.id}/redirect/${gatewayConfigurationId}`;
        expect(output).toEqual({ redirect_url: expectedUrl });
        const page = await fetch(expectedUrl);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('Test payment provider');
      }, 60_000);
      it('points at checkout.processout.com when PROCESSOUT_CHECKOUT_URL is unset', async (context) => {
        ready(context);
        const output = await succeed({ PROCESSOUT_CHECKOUT_URL: '', INVOICE_ID: 'iv_x', GATEWAY_CONFIGURATION_ID: 'gway_conf_y.z' });
        expect(output).toEqual({ redirect_url: `https://checkout.processout.com/${DEMO_PROJECT.id}/iv_x/redirect/gway_conf_y.z` });
      }, 60_000);
      return;

    case 'pays-invoice': {
      const { route, settledStatus } = expectation;
      const transactionOf = (output: unknown) => resourceOf(file, output, 'transaction');
      it(`${route}s an approved payment: the transaction is ${settledStatus}`, async (context) => {
        ready(context);
        const { invoiceId, token } = await invoiceWithToken();
        const printed = transactionOf(await succeed({ INVOICE_ID: invoiceId, GATEWAY_TOKEN: token }));
        expect(printed).toMatchObject({ invoice_id: invoiceId, status: settledStatus });
        expect(await suite.api().transaction(invoiceId)).toMatchObject({ status: settledStatus });
      }, 60_000);
      it('reports a payment the APM leaves pending, and exits 0', async (context) => {
        ready(context);
        const { invoiceId, token } = await invoiceWithToken('pending');
        expect(transactionOf(await succeed({ INVOICE_ID: invoiceId, GATEWAY_TOKEN: token }))).toMatchObject({ status: 'pending' });
      }, 60_000);
      if (route === 'capture') {
        it('captures an invoice authorized earlier, with the same token', async (context) => {
          ready(context);
          const { invoiceId, token } = await invoiceWithToken();
          expect(await suite.api().pay(invoiceId, 'authorize', token)).toMatchObject({ status: 'authorized' });
          expect(transactionOf(await succeed({ INVOICE_ID: invoiceId, GATEWAY_TOKEN: token }))).toMatchObject({ status: 'completed' });
        }, 60_000);
      }
      it('exits non-zero with request.source.invalid for a token of another invoice', async (context) => {
        ready(context);
        const { token } = await invoiceWithToken();
        const other = await suite.api().createInvoice();
        const result = await runWith({ INVOICE_ID: other.id, GATEWAY_TOKEN: token });
        expect(result.exitCode).not.toBe(0);
        expect(failureOutput(result)).toContain('request.source.invalid');
        expect(await suite.api().transaction(other.id)).toMatchObject({ status: 'waiting' });
      }, 60_000);
      rejectsWrongSecret(async () => {
        const { invoiceId, token } = await invoiceWithToken();
        return { INVOICE_ID: invoiceId, GATEWAY_TOKEN: token };
      });
      return;
    }

    case 'fetches-event': {
      const capturedEvent = async () => {
        const { invoiceId, token } = await invoiceWithToken();
        await suite.api().pay(invoiceId, 'capture', token);
        const event = (await suite.api().eventsOf(invoiceId)).find((candidate) => candidate.name === 'transaction.captured');
        if (!event) throw new Error(`No transaction.captured event for ${invoiceId}`);
        return { event, invoiceId };
      };
      it('fetches the event a webhook points to, with its transaction', async (context) => {
        ready(context);
        const { event, invoiceId } = await capturedEvent();
        const printed = resourceOf(file, await succeed({ EVENT_ID: event.id }), 'event');
        expect(printed).toMatchObject({
          id: event.id,
          name: 'transaction.captured',
          data: { transaction: { invoice_id: invoiceId, status: 'completed' } },
        });
      }, 60_000);
      it('exits non-zero with resource.event.not-found for an event that does not exist', async (context) => {
        ready(context);
        const result = await runWith({ EVENT_ID: 'ev_doesNotExist' });
        expect(result.exitCode).not.toBe(0);
        expect(failureOutput(result)).toContain('resource.event.not-found');
      }, 60_000);
      rejectsWrongSecret(async () => ({ EVENT_ID: (await capturedEvent()).event.id }));
      return;
    }

    case 'refunds-payment': {
      const { refund } = expectation;
      /** A captured payment of the invoice every page shows: 9.99 USD. */
      const capturedTransaction = async () => {
        const { invoiceId, token } = await invoiceWithToken();
        const transaction = await suite.api().pay(invoiceId, 'capture', token);
        return { invoiceId, transactionId: transaction.id };
      };
      const refundOf = (output: unknown) =>
        file.language === 'curl' ? resourceOf(file, output, 'refund') : (output as { refunds: Record<string, unknown>[] }).refunds.at(-1)!;
      it('refunds part of a captured payment, then the rest: the transaction turns refunded', async (context) => {
        ready(context);
        const { invoiceId, transactionId } = await capturedTransaction();
        const partial = await succeed({ TRANSACTION_ID: transactionId, REFUND_AMOUNT: '4.00' });
        expect(refundOf(partial)).toMatchObject({ id: expect.stringMatching(/^refd_/), amount: '4.00', ...refund });
        if (file.language !== 'curl') {
          expect(partial).toMatchObject({
            transaction: { id: transactionId, status: 'completed', refunded: false, refunded_amount: '4.00', available_amount: '5.99' },
          });
        }
        expect(await suite.api().transaction(invoiceId)).toMatchObject({
          status: 'completed',
          refunded: false,
          refunded_amount: '4.00',
          available_amount: '5.99',
        });

        const rest = await succeed({ TRANSACTION_ID: transactionId, REFUND_AMOUNT: '5.99' });
        expect(refundOf(rest)).toMatchObject({ amount: '5.99', ...refund });
        expect(await suite.api().transaction(invoiceId)).toMatchObject({
          status: 'refunded',
          refunded: true,
          refunded_amount: '9.99',
          available_amount: '0.00',
        });
        const refunds = await suite.api().refunds(transactionId);
        expect(refunds).toEqual([
          expect.objectContaining({ amount: '4.00', ...refund }),
          expect.objectContaining({ amount: '5.99', ...refund }),
        ]);
        const refundedEvents = (await suite.api().eventsOf(invoiceId)).filter((event) => event.name === 'transaction.refunded');
        expect(refundedEvents.map((event) => event.data.transaction?.status)).toEqual(['completed', 'refunded']);
      }, 60_000);
      it('exits non-zero with request.validation.invalid-amount for more than is left, and refunds nothing', async (context) => {
        ready(context);
        const { invoiceId, transactionId } = await capturedTransaction();
        const result = await runWith({ TRANSACTION_ID: transactionId, REFUND_AMOUNT: '10.00' });
        expect(result.exitCode).not.toBe(0);
        expect(failureOutput(result)).toContain('request.validation.invalid-amount');
        expect(await suite.api().transaction(invoiceId)).toMatchObject({ status: 'completed', refunded_amount: '0' });
        expect(await suite.api().refunds(transactionId)).toEqual([]);
      }, 60_000);
      it('exits non-zero with resource.transaction.not-found for a transaction that does not exist', async (context) => {
        ready(context);
        const result = await runWith({ TRANSACTION_ID: 'tr_doesNotExist', REFUND_AMOUNT: '1.00' });
        expect(result.exitCode).not.toBe(0);
        expect(failureOutput(result)).toContain('resource.transaction.not-found');
      }, 60_000);
      rejectsWrongSecret(async () => ({ TRANSACTION_ID: (await capturedTransaction()).transactionId, REFUND_AMOUNT: '1.00' }));
      return;
    }

    case 'completes-test-payment': {
      const RETURN_URL = 'https://shop.example/checkout/return';
      const play = async (outcome: string) => {
        const invoice = await suite.api().createInvoice({ return_url: RETURN_URL });
        const output = await succeed({
          INVOICE_ID: invoice.id,
          GATEWAY_CONFIGURATION_ID: await suite.api().testApmId(),
          OUTCOME: outcome,
        });
        return { invoiceId: invoice.id, output: output as Record<string, unknown> };
      };
      it('approve: returns a token that the capture accepts, and the return URL with it', async (context) => {
        ready(context);
        const { invoiceId, output } = await play('approve');
        expect(output).toMatchObject({ outcome: 'approve', token: expect.stringMatching(/^gway_req_/) });
        const token = String(output.token);
        expect(output.redirect_url).toBe(`${RETURN_URL}?token=${encodeURIComponent(token)}`);
        expect(await suite.api().pay(invoiceId, 'capture', token)).toMatchObject({ status: 'completed' });
      }, 60_000);
      it('decline: fails the transaction with payment.declined', async (context) => {
        ready(context);
        const { invoiceId, output } = await play('decline');
        expect(output).toMatchObject({ outcome: 'decline', error_code: 'payment.declined' });
        expect(await suite.api().transaction(invoiceId)).toMatchObject({ status: 'failed', error_code: 'payment.declined' });
      }, 60_000);
      it('cancel: returns customer.canceled and leaves the invoice payable', async (context) => {
        ready(context);
        const { invoiceId, output } = await play('cancel');
        expect(output).toMatchObject({ outcome: 'cancel', error_code: 'customer.canceled' });
        expect(await suite.api().transaction(invoiceId)).toMatchObject({ status: 'waiting' });
      }, 60_000);
      rejectsWrongSecret(async () => ({
        INVOICE_ID: (await suite.api().createInvoice()).id,
        GATEWAY_CONFIGURATION_ID: await suite.api().testApmId(),
      }));
      return;
    }

    case 'receives-webhooks':
      defineWebhookTests(file, suite, environment);
      return;

    case 'browser-module':
      // Runs in a real browser: see tests/e2e.
      return;
  }
}

/** A fake API whose event route answers after `delayMs`: shows whether a webhook endpoint answers first. */
async function startSlowEventApi(delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const eventId = decodeURIComponent(request.url?.split('/')[2] ?? '');
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          success: true,
          event: {
            id: eventId,
            name: 'transaction.captured',
            data: { transaction: { id: 'tr_slow', invoice_id: 'iv_slow', status: 'completed' } },
          },
        }),
      );
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function notify(url: string, body: string, method = 'POST'): Promise<Response> {
  return fetch(url, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : body });
}

function defineWebhookTests(
  file: SampleFile,
  suite: ScenarioContext,
  environment: (extra?: Environment) => Parameters<typeof runSample>[1],
): void {
  let endpoint: RunningServerSample | undefined;
  const started: RunningServerSample[] = [];
  const start = async (extra: Environment = {}) => {
    const server = await startServerSample(file, environment(extra), WEBHOOK_LISTENING);
    started.push(server);
    return server;
  };
  beforeAll(async () => {
    endpoint = await start();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(started.map((server) => server.stop()));
  });
  const running = () => {
    if (!endpoint) throw new Error('The webhook endpoint did not start');
    return endpoint;
  };
  const eventLine = (eventId: string) => (line: string) => (JSON.parse(line) as { event_id?: string }).event_id === eventId;

  // expect.poll and snapshots take the test's own `expect`: the samples suite runs folders concurrently.
  it('verifies each event of a payment with the API and logs it once, however often it arrives', async ({ expect }) => {
    const webhook = running();
    const invoice = await suite.api().createInvoice({ webhook_url: webhook.url });
    const { token } = await suite.api().complete(invoice.id, 'approve');
    await suite.api().pay(invoice.id, 'capture', token!);
    const captured = (await suite.api().eventsOf(invoice.id)).find((event) => event.name === 'transaction.captured');
    if (!captured) throw new Error('No transaction.captured event');

    const line = await webhook.waitForLine(eventLine(captured.id));
    expect(JSON.parse(line)).toEqual({
      event_id: captured.id,
      event_type: 'transaction.captured',
      invoice_id: invoice.id,
      transaction_id: captured.data.transaction?.id,
      status: 'completed',
    });

    // Deliveries are at least once: the same notification again must not be handled again.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const again = await notify(webhook.url, JSON.stringify({ event_id: captured.id, event_type: 'transaction.captured' }));
      expect(again.status).toBe(200);
    }
    await expect.poll(() => webhook.stderr()).toContain(`${captured.id}: already handled`);
    expect(webhook.stdoutLines.filter(eventLine(captured.id))).toHaveLength(1);
  }, 30_000);

  it('answers 2xx before it fetches the event', async () => {
    const slowApi = await startSlowEventApi(2_000);
    try {
      const webhook = await start({ PROCESSOUT_API_URL: slowApi.url });
      const startedAt = Date.now();
      const answer = await notify(webhook.url, JSON.stringify({ event_id: 'ev_slow', event_type: 'transaction.captured' }));
      expect(answer.status).toBe(200);
      expect(Date.now() - startedAt).toBeLessThan(1_000);
      expect(webhook.stdoutLines).toEqual([]);
      await webhook.waitForLine(eventLine('ev_slow'), 10_000);
    } finally {
      await slowApi.close();
    }
  }, 30_000);

  it('logs nothing for an event the API does not know (a forged notification)', async ({ expect }) => {
    const webhook = running();
    const answer = await notify(webhook.url, JSON.stringify({ event_id: 'ev_forged', event_type: 'transaction.captured' }));
    expect(answer.status).toBe(200);
    await expect.poll(() => webhook.stderr()).toContain('ev_forged: could not be verified (resource.event.not-found)');
    expect(webhook.stdoutLines.filter(eventLine('ev_forged'))).toEqual([]);
  }, 30_000);

  it('trusts no event when its secret key is wrong', async ({ expect }) => {
    const webhook = await start(WRONG_SECRET);
    const invoice = await suite.api().createInvoice();
    await suite.api().complete(invoice.id, 'decline');
    const [failed] = await suite.api().eventsOf(invoice.id);
    if (!failed) throw new Error('No event for the declined payment');
    expect((await notify(webhook.url, JSON.stringify({ event_id: failed.id, event_type: failed.name }))).status).toBe(200);
    await expect.poll(() => webhook.stderr()).toContain(`${failed.id}: could not be verified (request.authentication.invalid)`);
    expect(webhook.stdoutLines).toEqual([]);
  }, 30_000);

  it('refuses what is not a notification: 400, 404, 405, 413', async () => {
    const { url } = running();
    expect((await notify(url, 'not json')).status).toBe(400);
    expect((await notify(url, JSON.stringify({ event_type: 'transaction.captured' }))).status).toBe(400);
    expect((await notify(url, JSON.stringify({ event_id: 42 }))).status).toBe(400);
    expect((await notify(url.replace(/\/webhooks\/processout$/, '/other'), '{}')).status).toBe(404);
    expect((await notify(url, '', 'GET')).status).toBe(405);
    expect((await notify(url, JSON.stringify({ event_id: 'ev_big', padding: 'x'.repeat(100_000) }))).status).toBe(413);
  }, 30_000);
}
