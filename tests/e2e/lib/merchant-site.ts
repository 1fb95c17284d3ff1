// The test merchant: a web page on 127.0.0.1 (its origin is the invoices' return_url origin) and the
// backend routes behind it. Every ProcessOut call is made by a sample from samples/, run as a child
// process exactly as an integrator runs it; this file only wires them to HTTP routes.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { findSampleFile } from '../../samples/lib/discover.ts';
import { parseJsonOutput, runSample, type SampleEnvironment } from '../../samples/lib/sample-runner.ts';

export interface MerchantSiteOptions {
  sandboxUrl: string;
  /** Where the invoices created for the popup flow send their webhooks. */
  webhookUrl: string;
}

/** What the page gets from the server: public values only. */
export interface SiteConfig {
  /** Where the page loads ProcessOut.js from: the sandbox's stand-in for https://js.processout.com/processout.js. */
  processOutJsUrl: string;
  projectId: string;
}

export interface MerchantSite {
  url: string;
  /** The return URL the invoices carry: /checkout/return on this site. */
  returnUrl: string;
  close(): Promise<void>;
}

const APP_ENTRY = fileURLToPath(new URL('../harness/merchant-app.ts', import.meta.url));

/** Bundles the page script (the browser samples and the harness glue) the way a frontend build would. */
async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [APP_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no bundle');
  return output.text;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A page of the shop: ProcessOut.js (here the sandbox's stand-in) first, then the shop's own script. */
function page(name: string, title: string, config: SiteConfig): string {
  // The JSON goes in a non-executed script element; "<" is escaped so it cannot close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="icon" href="data:,"></head>
<body data-page="${escapeHtml(name)}">
<h1>${escapeHtml(title)}</h1>
<p id="status" role="status" data-state="loading">loading</p>
<div id="apms"></div>
<script type="application/json" id="config">${json}</script>
<script src="${escapeHtml(config.processOutJsUrl)}"></script>
<script src="/app.js"></script>
</body>
</html>`;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let body = '';
  for await (const chunk of request as AsyncIterable<Buffer>) body += chunk.toString('utf8');
  return body ? (JSON.parse(body) as Record<string, unknown>) : {};
}

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json', JSON.stringify(body));
}

export async function startMerchantSite(options: MerchantSiteOptions): Promise<MerchantSite> {
  const app = await bundleApp();
  let origin = '';
  const environment = (extra: Record<string, string>): SampleEnvironment => ({
    PROCESSOUT_PROJECT_ID: DEMO_PROJECT.id,
    PROCESSOUT_PROJECT_SECRET: DEMO_PROJECT.secret,
    PROCESSOUT_API_URL: options.sandboxUrl,
    ...extra,
  });
  /** Runs a TypeScript sample; its JSON output, or an error with what it printed. */
  const runTypeScriptSample = async (folder: string, extra: Record<string, string>) => {
    const result = await runSample(findSampleFile(folder, 'typescript'), environment(extra));
    return { ok: result.exitCode === 0, output: result.stdout.trim() ? parseJsonOutput(result) : null, stderr: result.stderr };
  };
  const config: SiteConfig = { processOutJsUrl: `${options.sandboxUrl}/processout.js`, projectId: DEMO_PROJECT.id };
  const checkoutUrl = `${options.sandboxUrl}/checkout`;
  const invoiceOfOrder = new Map<string, string>();

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>> = {
    'GET /': async (_request, response) => send(response, 200, 'text/html; charset=utf-8', page('checkout', 'Merchant checkout', config)),
    'GET /redirect-checkout': async (_request, response) =>
      send(response, 200, 'text/html; charset=utf-8', page('redirect-checkout', 'Merchant checkout (backend redirect)', config)),
    'GET /checkout/return': async (_request, response) =>
      send(response, 200, 'text/html; charset=utf-8', page('return', 'Merchant return page', config)),
    'GET /app.js': async (_request, response) => send(response, 200, 'text/javascript; charset=utf-8', app),

    // Diagram steps 2–5: the backend creates the invoice.
    'POST /api/invoices': async (request, response) => {
      const { flow, return: returnTo } = await readJson(request);
      // "elsewhere": the same return page under another origin (localhost instead of 127.0.0.1).
      const returnUrl =
        returnTo === 'elsewhere' ? `${origin.replace('127.0.0.1', 'localhost')}/checkout/return` : `${origin}/checkout/return`;
      const created =
        flow === 'redirect'
          ? await runTypeScriptSample('create-invoice-backend-redirect', { RETURN_URL: returnUrl })
          : await runTypeScriptSample('create-invoice-with-webhook', { RETURN_URL: returnUrl, WEBHOOK_URL: options.webhookUrl });
      if (!created.ok) {
        sendJson(response, 502, { error: created.stderr });
        return;
      }
      // Like a real shop, the backend keeps the invoice of each order: the page pays an order, not an invoice ID.
      const invoiceId = (created.output as { id: string }).id;
      const orderId = `order_${randomUUID()}`;
      invoiceOfOrder.set(orderId, invoiceId);
      sendJson(response, 200, { invoice_id: invoiceId, order_id: orderId });
    },

    // Backend redirect: build the APM's checkout URL and send the browser there.
    'GET /api/redirect': async (_request, response, url) => {
      const built = await runTypeScriptSample('build-apm-redirect-url', {
        PROCESSOUT_CHECKOUT_URL: checkoutUrl,
        INVOICE_ID: url.searchParams.get('invoice_id') ?? '',
        GATEWAY_CONFIGURATION_ID: url.searchParams.get('gateway_configuration_id') ?? '',
      });
      if (!built.ok) {
        sendJson(response, 502, { error: built.stderr });
        return;
      }
      send(response, 302, 'text/plain', '', { location: (built.output as { redirect_url: string }).redirect_url });
    },

    // Diagram steps 15–17: the page hands over the token; the backend captures the invoice.
    'POST /api/pay': async (request, response) => {
      const { order_id: orderId, token } = await readJson(request);
      if (typeof orderId !== 'string' || typeof token !== 'string') {
        sendJson(response, 400, { error: 'order_id and token' });
        return;
      }
      const invoiceId = invoiceOfOrder.get(orderId);
      if (!invoiceId) {
        sendJson(response, 404, { error: `no order ${orderId}` });
        return;
      }
      const captured = await runTypeScriptSample('capture-invoice', { INVOICE_ID: invoiceId, GATEWAY_TOKEN: token });
      // The capture sample prints the transaction, and exits 1 when it failed: both are answers.
      if (!captured.output) {
        sendJson(response, 502, { error: captured.stderr });
        return;
      }
      sendJson(response, 200, { transaction: captured.output });
    },
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) {
      send(response, 404, 'text/plain', 'Not found');
      return;
    }
    route(request, response, url).catch((error: unknown) => sendJson(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    returnUrl: `${origin}/checkout/return`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
