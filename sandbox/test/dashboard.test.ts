import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { launchChromium } from '../../tests/browser/lib/chromium.ts';
import { isInstalled, requireTool } from '../../tests/samples/lib/tools.ts';
import { completeCheckout, createInvoice, startReceiver, startTestSandbox, waitFor } from './helpers.ts';
import { apiClient, basicAuth, DEMO_AUTH } from './lib/client.ts';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>'&`;

/** GET or POST a dashboard route through Fastify's inject, with the demo credentials unless told otherwise. */
function dashboard(sandbox: Sandbox) {
  return async (
    method: 'GET' | 'POST',
    url: string,
    options: { form?: Record<string, string>; headers?: Record<string, string>; auth?: string | null } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth === undefined ? DEMO_AUTH : options.auth;
    if (auth) headers.authorization = auth;
    if (options.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    return sandbox.app.inject({ method, url, headers, payload: options.form ? new URLSearchParams(options.form).toString() : undefined });
  };
}

function csrfTokenIn(html: string): string {
  const match = /name="csrf_token" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no csrf_token field in the page');
  return match[1]!;
}

/** Pays an invoice headlessly (approve + capture): events transaction.authorized and transaction.captured follow. */
async function pay(api: ReturnType<typeof apiClient>, fields: Record<string, unknown> = {}) {
  const invoice = await createInvoice(api, fields);
  const completion = await completeCheckout(api, invoice.id, 'approve');
  const capture = await api.post(`/invoices/${invoice.id}/capture`, { source: completion.body.token });
  expect(capture.status).toBe(200);
  return invoice;
}

async function eventsOf(api: ReturnType<typeof apiClient>, invoiceId: string): Promise<{ id: string; name: string }[]> {
  return (await api.get(`/events/by_resource_id/${invoiceId}`)).body.events;
}

describe('sandbox dashboard (routes)', () => {
  let sandbox: Sandbox;
  let api: ReturnType<typeof apiClient>;
  let request: ReturnType<typeof dashboard>;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver([200]);
    sandbox = await startTestSandbox();
    api = apiClient(sandbox.url);
    request = dashboard(sandbox);
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  beforeEach(() => sandbox.store.setProjectWebhookUrl(DEMO_PROJECT.id, null));

  const setWebhookUrl = async (value: string, headers: Record<string, string> = {}) => {
    const token = csrfTokenIn((await request('GET', '/dashboard')).body);
    return request('POST', '/dashboard/settings/webhook-url', { form: { csrf_token: token, webhook_url: value }, headers });
  };

  it('asks for the project credentials (401 page with WWW-Authenticate), like the API', async () => {
    for (const auth of [null, basicAuth(DEMO_PROJECT.id, 'key_sandbox_wrong')]) {
      const response = await request('GET', '/dashboard', { auth });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Basic realm="[^"]+", charset="UTF-8"$/);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('Sign in with the project credentials');
      expect(response.body).not.toContain('Latest invoices');
    }
  });

  it('sends the checkout pages’ CSP: nothing but its own nonce’d style, no script, forms only to itself', async () => {
    await pay(api);
    for (const path of ['/dashboard', '/dashboard/invoices', '/dashboard/events', '/dashboard/reset']) {
      const response = await request('GET', path);
      expect(response.statusCode, path).toBe(200);
      const csp = String(response.headers['content-security-policy']);
      const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("form-action 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.body).toContain(`<style nonce="${nonce}">`);
      expect(response.body).not.toMatch(/<script|\son[a-z]+=/i);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    const second = await request('GET', '/dashboard');
    const first = await request('GET', '/dashboard');
    expect(first.headers['content-security-policy']).not.toBe(second.headers['content-security-policy']);
  });

  it('escapes hostile invoice values and endpoint answers on every page', async () => {
    const hostileEndpoint = await startHostileEndpoint();
    try {
      const invoice = await pay(api, { name: HOSTILE, metadata: { [HOSTILE.slice(0, 20)]: HOSTILE }, webhook_url: hostileEndpoint.url });
      const [event] = await eventsOf(api, invoice.id);
      await waitFor(async () =>
        (await api.get(`/events/${event!.id}/webhooks`)).body.webhooks.some((w: { status: string }) => w.status === 'delivered'),
      );
      const pages = await Promise.all(
        [
          '/dashboard',
          '/dashboard/invoices',
          `/dashboard/invoices/${invoice.id}`,
          '/dashboard/events',
          `/dashboard/events/${event!.id}`,
        ].map((path) => request('GET', path)),
      );
      for (const page of pages) {
        expect(page.statusCode).toBe(200);
        expect(page.body).not.toContain('<script>alert');
        expect(page.body).not.toContain('<img src=x');
        expect(page.body).not.toMatch(/<[a-z]+[^>]*\sonerror=/i);
      }
      expect(pages[2]!.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;');
      // The endpoint's answer (headers and body) is shown as text.
      expect(pages[4]!.body).toContain('x-hostile: &lt;b&gt;header&lt;/b&gt;');
      expect(pages[4]!.body).toContain('&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    } finally {
      await hostileEndpoint.close();
    }
  });

  it('shows each delivery attempt: request URL, headers and body, the answer, and timing', async () => {
    await setWebhookUrl(receiver.url);
    const invoice = await pay(api);
    const captured = (await eventsOf(api, invoice.id)).find((event) => event.name === 'transaction.captured')!;
    await waitFor(async () => (await api.get(`/events/${captured.id}/webhooks`)).body.webhooks[0]?.status === 'delivered');
    const page = (await request('GET', `/dashboard/events/${captured.id}`)).body;
    expect(page).toContain(`POST <code>${receiver.url}</code>`);
    expect(page).toContain('content-type: application/json\nuser-agent: ProcessOut-Sandbox-Webhooks/1.0');
    expect(page).toContain(`{&quot;event_id&quot;:&quot;${captured.id}&quot;,&quot;event_type&quot;:&quot;transaction.captured&quot;}`);
    expect(page).toMatch(/delivered<\/span> — HTTP 200/);
    expect(page).toMatch(/<dt>Took<\/dt><dd>\d+ ms<\/dd>/);
    // The invoice page has the transaction's status history, in order.
    const invoicePage = (await request('GET', `/dashboard/invoices/${invoice.id}`)).body;
    const history = invoicePage.slice(invoicePage.indexOf('id="status-history"'));
    expect([...history.matchAll(/class="status status-([a-z]+)"/g)].slice(0, 3).map((m) => m[1])).toEqual([
      'waiting',
      'authorized',
      'completed',
    ]);
  });

  it('refuses a form without the token, from another site or another origin (403, nothing changed)', async () => {
    const token = csrfTokenIn((await request('GET', '/dashboard')).body);
    const attempts: { form: Record<string, string>; headers?: Record<string, string> }[] = [
      { form: { webhook_url: 'https://attacker.example/hook' } },
      { form: { csrf_token: 'forged', webhook_url: 'https://attacker.example/hook' } },
      { form: { csrf_token: token, webhook_url: 'https://attacker.example/hook' }, headers: { origin: 'https://attacker.example' } },
      { form: { csrf_token: token, webhook_url: 'https://attacker.example/hook' }, headers: { 'sec-fetch-site': 'cross-site' } },
    ];
    for (const attempt of attempts) {
      const response = await request('POST', '/dashboard/settings/webhook-url', attempt);
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Form refused');
      expect(sandbox.store.projectWebhookUrl(DEMO_PROJECT.id)).toBeNull();
    }
    const invoice = await pay(api);
    const reset = await request('POST', '/dashboard/reset', {
      form: { confirm: 'reset' },
      headers: { origin: 'https://attacker.example' },
    });
    expect(reset.statusCode).toBe(403);
    expect((await api.get(`/invoices/${invoice.id}`)).status).toBe(200);
    // The same post from the dashboard's own origin goes through.
    // inject sends Host: localhost:80.
    const accepted = await request('POST', '/dashboard/settings/webhook-url', {
      form: { csrf_token: token, webhook_url: receiver.url },
      headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    });
    expect(accepted.statusCode).toBe(303);
    expect(sandbox.store.projectWebhookUrl(DEMO_PROJECT.id)).toBe(receiver.url);
  });

  it('sets the project webhook URL at run time: the next event goes there; an empty value removes it', async () => {
    const other = await startReceiver([200]);
    try {
      const saved = await setWebhookUrl(other.url);
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe('/dashboard?notice=webhook-url-saved');
      expect((await request('GET', String(saved.headers.location))).body).toContain('Webhook URL saved');
      const invoice = await pay(api);
      const captured = (await eventsOf(api, invoice.id)).find((event) => event.name === 'transaction.captured')!;
      await waitFor(() => other.received.some((w) => w.body.event_id === captured.id), 3_000, 'the delivery to the new URL');

      expect((await setWebhookUrl('')).headers.location).toBe('/dashboard?notice=webhook-url-removed');
      const later = await pay(api);
      const laterEvents = await eventsOf(api, later.id);
      expect((await api.get(`/events/${laterEvents[0]!.id}/webhooks`)).body.webhooks).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('refuses a webhook URL that is not http(s), with the problem next to the field', async () => {
    for (const value of ['javascript:alert(1)', 'ftp://example.com/x', 'not a url']) {
      const response = await setWebhookUrl(value);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('The webhook URL was not saved.');
      expect(response.body).toContain('aria-invalid="true"');
      expect(sandbox.store.projectWebhookUrl(DEMO_PROJECT.id)).toBeNull();
    }
  });

  it('"send again" delivers the event now, recorded as a new attempt', async () => {
    await setWebhookUrl(receiver.url);
    const invoice = await pay(api);
    const captured = (await eventsOf(api, invoice.id)).find((event) => event.name === 'transaction.captured')!;
    const webhooks = async () => (await api.get(`/events/${captured.id}/webhooks`)).body.webhooks as { attempt: number; status: string }[];
    await waitFor(async () => (await webhooks())[0]?.status === 'delivered');
    const before = receiver.received.filter((w) => w.body.event_id === captured.id).length;

    const page = (await request('GET', `/dashboard/events/${captured.id}`)).body;
    const sent = await request('POST', `/dashboard/events/${captured.id}/send-again`, { form: { csrf_token: csrfTokenIn(page) } });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/dashboard/events/${captured.id}?notice=sent-again#deliveries`);
    await waitFor(
      async () => (await webhooks()).length === 2 && (await webhooks())[1]!.status === 'delivered',
      3_000,
      'the second attempt',
    );
    expect((await webhooks()).map((w) => w.attempt)).toEqual([1, 2]);
    expect(receiver.received.filter((w) => w.body.event_id === captured.id)).toHaveLength(before + 1);
    expect((await request('GET', `/dashboard/events/${captured.id}`)).body).toContain('Attempt 2 to');
  });

  it('resets the project after a confirmation page; the webhook URL stays', async () => {
    await setWebhookUrl(receiver.url);
    const invoice = await pay(api);
    const confirmation = await request('GET', '/dashboard/reset');
    expect(confirmation.body).toContain('Yes, delete all the data');
    const token = csrfTokenIn(confirmation.body);
    expect((await request('POST', '/dashboard/reset', { form: { csrf_token: token } })).statusCode).toBe(400);
    expect((await api.get(`/invoices/${invoice.id}`)).status).toBe(200);

    const reset = await request('POST', '/dashboard/reset', { form: { csrf_token: token, confirm: 'reset' } });
    expect(reset.statusCode).toBe(303);
    expect(reset.headers.location).toBe('/dashboard?notice=reset');
    expect((await api.get(`/invoices/${invoice.id}`)).status).toBe(404);
    expect((await api.get('/events')).body.events).toEqual([]);
    expect(sandbox.store.projectWebhookUrl(DEMO_PROJECT.id)).toBe(receiver.url);
    expect((await request('GET', `/dashboard/invoices/${invoice.id}`)).statusCode).toBe(404);
    expect(
      (await api.get('/gateway-configurations?filter=alternative-payment-methods')).body.gateway_configurations.length,
    ).toBeGreaterThan(0);
  });

  it('answers unknown objects with an HTML 404 page', async () => {
    for (const path of ['/dashboard/events/ev_unknown', '/dashboard/invoices/iv_unknown']) {
      const response = await request('GET', path);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('<h1>Not found</h1>');
    }
  });
});

describe('project webhook URL across restarts', () => {
  it('is kept in the database; --webhook-url replaces it at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
    const dbPath = join(dir, 'sandbox.db');
    try {
      const first = await startTestSandbox({ dbPath });
      first.store.setProjectWebhookUrl(DEMO_PROJECT.id, 'http://127.0.0.1:9/set-on-dashboard');
      await first.close();
      const second = await startTestSandbox({ dbPath });
      expect(second.store.projectWebhookUrl(DEMO_PROJECT.id)).toBe('http://127.0.0.1:9/set-on-dashboard');
      await second.close();
      const third = await startTestSandbox({ dbPath, webhookUrl: 'http://127.0.0.1:9/from-flag' });
      expect(third.store.projectWebhookUrl(DEMO_PROJECT.id)).toBe('http://127.0.0.1:9/from-flag');
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** An endpoint whose answer tries to inject markup into the dashboard. */
async function startHostileEndpoint() {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      res.writeHead(200, { 'content-type': 'text/html', 'x-hostile': '<b>header</b>' }).end(`</pre><script>alert(2)</script>${HOSTILE}`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

describe('sandbox dashboard in Chromium', () => {
  let browser: Browser | undefined;
  let sandbox: Sandbox;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver([200]);
    sandbox = await startTestSandbox();
    if (isInstalled('chromium')) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox.close();
    await receiver.close();
  });

  it('shows a real payment’s webhook delivery, sends it again, works by keyboard at 1280 and 390 px', async (context) => {
    requireTool(context, 'chromium');
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const api = apiClient(sandbox.url);
    const browserContext = await browser!.newContext({
      httpCredentials: { username: DEMO_PROJECT.id, password: DEMO_PROJECT.secret },
      viewport: { width: 1280, height: 900 },
    });
    const page = await browserContext.newPage();
    page.setDefaultTimeout(10_000);
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    // Point the project's webhooks at the local endpoint, the way a reader running `npm start` would.
    await page.goto(`${sandbox.url}/dashboard`);
    await page.getByRole('textbox', { name: 'Webhook URL' }).fill(receiver.url);
    await page.getByRole('button', { name: 'Save webhook URL' }).click();
    await page.getByRole('status').filter({ hasText: 'Webhook URL saved' }).waitFor();

    // A real payment: the customer approves on the test provider page, the server captures.
    const invoice = await createInvoice(api, { name: 'Dashboard order' });
    const confId = (await api.get('/gateway-configurations?filter=alternative-payment-methods')).body.gateway_configurations[0].id;
    await page.goto(`${sandbox.url}/checkout/${DEMO_PROJECT.id}/${invoice.id}/redirect/${confId}`);
    await page.getByRole('button', { name: 'Approve payment' }).click();
    const token = await page.getByTestId('token').textContent();
    expect((await api.post(`/invoices/${invoice.id}/capture`, { source: token })).status).toBe(200);
    await waitFor(() => receiver.received.some((w) => w.body.event_type === 'transaction.captured'), 5_000, 'the webhook delivery');

    // The dashboard shows the delivery; "send again" adds attempt 2.
    await page.goto(`${sandbox.url}/dashboard/invoices/${invoice.id}`);
    await page.getByRole('link', { name: /^ev_/ }).first().click();
    await page.getByRole('heading', { name: /Attempt 1 to .*: delivered/ }).waitFor();
    expect(await page.getByText('transaction.captured').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Send again' }).click();
    await page.getByRole('status').filter({ hasText: 'A new delivery attempt is queued' }).waitFor();
    const captured = receiver.received.find((w) => w.body.event_type === 'transaction.captured')!;
    await waitFor(
      () => receiver.received.filter((w) => w.body.event_id === captured.body.event_id).length === 2,
      5_000,
      'the second delivery',
    );
    await page.reload();
    await page.getByRole('heading', { name: /Attempt 2 to .*: delivered/ }).waitFor();

    // Keyboard: the skip link comes first and moves focus to the content; Tab reaches the nav with a visible outline.
    await page.goto(`${sandbox.url}/dashboard/events`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.goto(`${sandbox.url}/dashboard`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { text: element.textContent, outline: getComputedStyle(element).outlineStyle };
    });
    expect(focused).toEqual({ text: 'Overview', outline: 'solid' });
    // Tab to "Events and webhooks", follow it with Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\/events$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Events and webhooks');

    const eventUrl = `${sandbox.url}/dashboard/events/${captured.body.event_id}`;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const pages = [
        ['overview', `${sandbox.url}/dashboard`],
        ['invoice', `${sandbox.url}/dashboard/invoices/${invoice.id}`],
        ['event', eventUrl],
        ['reset', `${sandbox.url}/dashboard/reset`],
      ] as const;
      for (const [name, url] of pages) {
        await page.goto(url);
        // No sideways scrolling of the page itself: wide tables scroll inside their own region.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-${name}-${width}.png`), fullPage: true });
      }
    }
    expect(cspViolations).toEqual([]);
    await browserContext.close();
  }, 90_000);
});
