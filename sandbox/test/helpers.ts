import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '@apm-docs/sandbox';
import { apiClient, type ApiClient } from './lib/client.ts';

/** Timings that keep the suite fast: short pending delay, quick deterministic webhook retries. */
export const FAST: StartSandboxOptions = {
  pendingDelayMs: 50,
  webhookRetry: { baseMs: 20, factor: 2, jitter: 0, maxAttempts: 4, timeoutMs: 2_000 },
};

export async function startTestSandbox(options: StartSandboxOptions = {}) {
  return startSandbox({ ...FAST, ...options, webhookRetry: { ...FAST.webhookRetry, ...options.webhookRetry } });
}

/**
 * One sandbox for the test file (or `describe` block) it is called in: started before its tests,
 * closed after them. `sandbox()` is the running sandbox; `api` calls it with the demo credentials.
 */
export function useTestSandbox(options: StartSandboxOptions = {}) {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startTestSandbox(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  const sandbox = (): RunningSandbox => {
    if (!running) throw new Error('the test sandbox starts in beforeAll: use it inside tests and hooks');
    return running;
  };
  return { sandbox, api: apiClient(() => sandbox().url) };
}

export async function createInvoice(api: ApiClient, fields: Record<string, unknown> = {}) {
  const response = await api.post('/invoices', { name: 'Order #1', amount: '10.00', currency: 'EUR', ...fields });
  if (response.status !== 200) throw new Error(`invoice creation failed: ${response.text}`);
  return response.body.invoice as { id: string; transaction_id: string; [key: string]: unknown };
}

export async function apmConfigurationId(api: ApiClient, gatewayName = 'test-alternative-payment'): Promise<string> {
  const response = await api.get('/gateway-configurations?filter=alternative-payment-methods');
  const conf = response.body.gateway_configurations.find((c: { gateway: { name: string } }) => c.gateway.name === gatewayName);
  if (!conf) throw new Error(`no gateway configuration for ${gatewayName}`);
  return conf.id;
}

export async function completeCheckout(api: ApiClient, invoiceId: string, outcome: string, confId?: string) {
  const gatewayConfigurationId = confId ?? (await apmConfigurationId(api));
  return api.post(`/_sandbox/invoices/${invoiceId}/complete`, { gateway_configuration_id: gatewayConfigurationId, outcome });
}

/** Polls until `check` returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 3_000, label = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

export interface ReceivedWebhook {
  path: string;
  headers: IncomingMessage['headers'];
  body: { event_id: string; event_type: string };
}

/**
 * A webhook endpoint on 127.0.0.1 answering with the given status codes in turn (the last one
 * repeats). Status 0 means "never answer" (a hung endpoint).
 */
export async function startReceiver(statuses: number[] = [200]) {
  const received: ReceivedWebhook[] = [];
  let answers = [...statuses];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      // A delivery the sandbox gave up on mid-send (its timeout, under load) never arrived: nothing to record.
      if (!req.complete || raw === '') return;
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw) as ReceivedWebhook['body'] });
      const status = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (status === 0) return;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    answerWith(next: number[]) {
      answers = [...next];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
