import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PROJECT, startSandbox, type StartSandboxOptions } from '../src/index.ts';

/** Timings that keep the suite fast: short pending delay, quick deterministic webhook retries. */
export const FAST: StartSandboxOptions = {
  pendingDelayMs: 50,
  webhookRetry: { baseMs: 20, factor: 2, jitter: 0, maxAttempts: 4, timeoutMs: 2_000 },
};

export async function startTestSandbox(options: StartSandboxOptions = {}) {
  return startSandbox({ ...FAST, ...options, webhookRetry: { ...FAST.webhookRetry, ...options.webhookRetry } });
}

export function basicAuth(projectId: string, secret: string): string {
  return `Basic ${Buffer.from(`${projectId}:${secret}`).toString('base64')}`;
}

export const DEMO_AUTH = basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret);
export const PUBLIC_AUTH = basicAuth(DEMO_PROJECT.id, '');

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Response bodies are checked field by field in tests.
  body: any;
  text: string;
}

export interface RequestOptions {
  auth?: string | null;
  form?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/** A small HTTP client for the sandbox: JSON or form bodies, demo credentials by default. */
export function apiClient(baseUrl: string, defaultAuth: string | null = DEMO_AUTH) {
  async function request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth === undefined ? defaultAuth : options.auth;
    if (auth) headers.authorization = auth;
    let body: string | undefined;
    if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = options.form;
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }
  return {
    request,
    get: (path: string, options?: RequestOptions) => request('GET', path, options),
    post: (path: string, json: unknown = {}, options?: RequestOptions) => request('POST', path, { json, ...options }),
    postForm: (path: string, form: string, options?: RequestOptions) => request('POST', path, { form, ...options }),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

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
    if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
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
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw) });
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
