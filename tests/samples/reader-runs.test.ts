// Every runnable sample, run as a reader runs it from the page: copied alone into an empty folder
// outside this repository, started with the command its header gives, after the Set up page's exports
// (lib/reader-run.ts). Its inputs (an invoice, a gway_req_ token, an event) come from the sandbox the
// suite starts, as a reader gets them from the earlier samples and the test checkout. samples.test.ts
// holds each sample to its whole contract; this suite proves that what a reader copies runs at all.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@apm-docs/sandbox';
import { startValidatingProxy, type ValidatingProxy } from '../sdk-conformance/lib/validating-proxy.ts';
import { SAMPLE_EXPECTATIONS } from './expectations.ts';
import { discoverSamples, SAMPLES_DIR } from './lib/discover.ts';
import {
  prepareReaderMachine,
  readerCommand,
  runAsReader,
  setUpPageEnvironment,
  startAsReader,
  type ReaderMachine,
} from './lib/reader-run.ts';
import type { RunResult } from './lib/run.ts';
import { parseJsonOutput } from './lib/sample-runner.ts';
import { sandboxApi, type SandboxApi } from './lib/sandbox-api.ts';
import { resourceOf, WEBHOOK_LISTENING } from './lib/scenarios.ts';
import { requireTool } from './lib/tools.ts';
import { filesOfProject } from './lib/typescript-projects.ts';
import type { SampleFile } from '../../src/sample-files/index.ts';

const NODE_PROJECT = path.join(SAMPLES_DIR, 'tsconfig.json');
const BROWSER_PROJECT = path.join(SAMPLES_DIR, 'tsconfig.browser.json');
const files = discoverSamples().flatMap((folder) => folder.files.map((file) => ({ folder: folder.name, file })));
/** Node programs (samples/tsconfig.json) and cURL scripts; browser modules are bundled into a page, not run. */
const runnable = files.filter(
  ({ file }) => file.language === 'curl' || (file.language === 'typescript' && filesOfProject(NODE_PROJECT).includes(file.path)),
);

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let proxy: ValidatingProxy;
let api: SandboxApi;
let machine: ReaderMachine;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', pendingDelayMs: 300 });
  // Every answer the samples get is held to what the official SDKs decode.
  proxy = await startValidatingProxy(sandbox.url);
  api = sandboxApi(sandbox.url);
  machine = await prepareReaderMachine();
}, 300_000);

// beforeAll may fail before it sets these: close only what it started.
/* eslint-disable @typescript-eslint/no-unnecessary-condition -- the types say "set" for the tests' sake */
afterAll(async () => {
  machine?.dispose();
  await proxy?.close();
  await sandbox?.close();
});
/* eslint-enable @typescript-eslint/no-unnecessary-condition */

/** The reader's terminal after Set up's exports, plus the sample's own inputs. */
const environment = (inputs: Record<string, string> = {}) => ({ ...machine.environment, ...setUpPageEnvironment(proxy.url), ...inputs });

function succeeded(result: RunResult): unknown {
  expect(result.exitCode, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
  return parseJsonOutput(result);
}

/** An invoice and an approved token for it, from the test checkout. */
async function invoiceWithToken(): Promise<{ INVOICE_ID: string; GATEWAY_TOKEN: string }> {
  const invoice = await api.createInvoice();
  const { token } = await api.complete(invoice.id, 'approve');
  return { INVOICE_ID: invoice.id, GATEWAY_TOKEN: token! };
}

/** Runs the sample once with a situation the sandbox set up, and checks what it printed. */
async function runAndCheck(folder: string, file: SampleFile): Promise<void> {
  const expectation = SAMPLE_EXPECTATIONS[folder];
  const runWith = async (inputs?: Record<string, string>) => succeeded(await runAsReader(file, environment(inputs)));
  switch (expectation?.kind) {
    case 'checks-credentials':
      expect(await runWith()).toMatchObject({ success: true });
      return;
    case 'creates-invoice': {
      const printed = resourceOf(file, await runWith(), 'invoice');
      expect(printed).toMatchObject({ id: expect.stringMatching(/^iv_/), ...expectation.invoice });
      expect(await api.invoice(String(printed.id))).toMatchObject(expectation.invoice);
      return;
    }
    case 'lists-apms': {
      const printed = JSON.stringify(await runWith());
      for (const configuration of await api.apmConfigurations()) expect(printed).toContain(configuration.id);
      return;
    }
    case 'builds-redirect-url': {
      const invoice = await api.createInvoice();
      const gatewayConfigurationId = await api.testApmId();
      const { redirect_url } = (await runWith({ INVOICE_ID: invoice.id, GATEWAY_CONFIGURATION_ID: gatewayConfigurationId })) as {
        redirect_url: string;
      };
      // The Set up page's PROCESSOUT_CHECKOUT_URL must lead to the local checkout, not production's.
      expect(redirect_url).toMatch(new RegExp(`^${proxy.url}/checkout/`));
      const page = await fetch(redirect_url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Test payment provider');
      return;
    }
    case 'pays-invoice': {
      const inputs = await invoiceWithToken();
      const printed = resourceOf(file, await runWith(inputs), 'transaction');
      expect(printed).toMatchObject({ invoice_id: inputs.INVOICE_ID, status: expectation.settledStatus });
      return;
    }
    case 'fetches-event': {
      const inputs = await invoiceWithToken();
      await api.pay(inputs.INVOICE_ID, 'capture', inputs.GATEWAY_TOKEN);
      const event = (await api.eventsOf(inputs.INVOICE_ID)).find((candidate) => candidate.name === 'transaction.captured');
      if (!event) throw new Error(`No transaction.captured event for ${inputs.INVOICE_ID}`);
      expect(resourceOf(file, await runWith({ EVENT_ID: event.id }), 'event')).toMatchObject({
        id: event.id,
        name: 'transaction.captured',
      });
      return;
    }
    case 'refunds-payment': {
      const { INVOICE_ID, GATEWAY_TOKEN } = await invoiceWithToken();
      const transaction = await api.pay(INVOICE_ID, 'capture', GATEWAY_TOKEN);
      await runWith({ TRANSACTION_ID: transaction.id, REFUND_AMOUNT: '9.99' });
      expect(await api.transaction(INVOICE_ID)).toMatchObject({ status: 'refunded', refunded_amount: '9.99' });
      return;
    }
    case 'completes-test-payment': {
      const invoice = await api.createInvoice();
      const printed = await runWith({ INVOICE_ID: invoice.id, GATEWAY_CONFIGURATION_ID: await api.testApmId() });
      expect(printed).toMatchObject({ outcome: 'approve', token: expect.stringMatching(/^gway_req_/) });
      return;
    }
    case 'receives-webhooks': {
      // PORT=0: a free port, instead of the documented 3001 that may be taken on this machine.
      const server = await startAsReader(file, environment({ PORT: '0' }), WEBHOOK_LISTENING);
      try {
        const invoice = await api.createInvoice({ webhook_url: server.url });
        const { token } = await api.complete(invoice.id, 'approve');
        await api.pay(invoice.id, 'capture', token!);
        const line = await server.waitForLine((candidate) => candidate.includes(invoice.id) && candidate.includes('transaction.captured'));
        expect(JSON.parse(line)).toMatchObject({ event_type: 'transaction.captured', invoice_id: invoice.id, status: 'completed' });
      } finally {
        await server.stop();
      }
      return;
    }
    default:
      throw new Error(`samples/${folder}: no reader run defined for ${expectation?.kind ?? 'a sample without an expectation'}`);
  }
}

describe('which samples a reader runs', () => {
  it('every Node TypeScript sample and cURL script has a header command; browser modules have none', () => {
    expect(runnable.length).toBeGreaterThan(0);
    for (const { file } of runnable) expect(() => readerCommand(file), file.relativePath).not.toThrow();
    for (const { file } of files.filter(({ file }) => filesOfProject(BROWSER_PROJECT).includes(file.path))) {
      expect(() => readerCommand(file), file.relativePath).toThrow(/no "Run it with:"/);
    }
  });
});

describe.concurrent.each(runnable.map(({ folder, file }) => [file.relativePath, folder, file] as const))(
  '%s',
  (_relativePath, folder, file) => {
    it(`runs alone in an empty folder with: ${readerCommand(file)}`, async (context) => {
      requireTool(context, 'bash');
      if (file.language === 'curl') requireTool(context, 'curl');
      await runAndCheck(folder, file);
    }, 120_000);
  },
);

describe("answers the reader's runs received", () => {
  it('all decode in every official SDK (the validating proxy saw no violation)', () => {
    expect(proxy.validated()).toBeGreaterThan(0);
    expect(proxy.violations()).toEqual([]);
  });
});
