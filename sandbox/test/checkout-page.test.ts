import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { apmConfigurationId, createInvoice, useTestSandbox } from './helpers.ts';

const { sandbox, api } = useTestSandbox();
let confId: string;

beforeAll(async () => {
  confId = await apmConfigurationId(api);
});

const pagePath = (invoiceId: string) => `/checkout/${DEMO_PROJECT.id}/${invoiceId}/redirect/${confId}`;

async function openPage(invoiceId: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox().url}${pagePath(invoiceId)}`, { headers });
  return { response, html: await response.text() };
}

async function choose(invoiceId: string, outcome: string, extra = '') {
  const response = await fetch(`${sandbox().url}${pagePath(invoiceId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `outcome=${outcome}${extra}`,
    redirect: 'manual',
  });
  return { response, html: await response.text() };
}

function nonceOf(csp: string): string {
  const match = /script-src 'nonce-([^']+)'/.exec(csp);
  if (!match) throw new Error(`no script nonce in ${csp}`);
  return match[1]!;
}

/** Runs the result page's inline script against a fake window and reports what it did. */
function runResultScript(html: string, withOpener: boolean) {
  const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!script) throw new Error('no inline script');
  const calls: { posted?: [string, string]; closed: boolean; replacedWith?: string } = { closed: false };
  const window = {
    opener: withOpener ? { postMessage: (message: string, origin: string) => (calls.posted = [message, origin]) } : null,
    close: () => (calls.closed = true),
    location: { replace: (url: string) => (calls.replacedWith = url) },
  };
  runInNewContext(script, { window });
  return calls;
}

describe('test provider page', () => {
  it('is an accessible page with four outcomes and a strict CSP', async () => {
    const invoice = await createInvoice(api, { return_url: 'https://shop.example/return', cancel_url: 'https://cart.example/cart' });
    const { response, html } = await openPage(invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("form-action 'self' https://shop.example https://cart.example");
    const nonce = nonceOf(csp);
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<title>');
    expect(html).toContain('Test payment provider');
    for (const outcome of ['approve', 'decline', 'cancel', 'pending']) {
      expect(html).toMatch(new RegExp(`<button type="submit" name="outcome" value="${outcome}"[^>]*>[^<]+</button>`));
    }
    expect(html).toContain(`action="${pagePath(invoice.id)}"`);
    // Each page gets a fresh nonce.
    expect(nonceOf((await openPage(invoice.id)).response.headers.get('content-security-policy')!)).not.toBe(nonce);
  });

  it('escapes the invoice name and amount', async () => {
    const invoice = await createInvoice(api, { name: '<script>alert("x")</script> & "quotes"' });
    const { html } = await openPage(invoice.id);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('10.00 EUR');
  });

  it('shows HTML error pages for unknown or already paid invoices', async () => {
    const missing = await openPage('iv_nope');
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-type')).toMatch(/text\/html/);
    expect(missing.html).toContain('could not be found');
    const invoice = await createInvoice(api, { return_url: 'https://shop.example/return' });
    const token = /data-testid="token">([^<]+)</.exec((await choose(invoice.id, 'approve')).html)![1]!;
    await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    const paid = await openPage(invoice.id);
    expect(paid.response.status).toBe(400);
    expect(paid.html).toContain('cannot be paid again');
  });
});

describe('returning to the shop', () => {
  it('approve: posts the token to the opener, restricted to the origin of the page that opened the checkout', async () => {
    // The shop's page and its return_url may live on different origins: the token goes to the page.
    const invoice = await createInvoice(api, { return_url: 'https://shop.example/return?x=1' });
    const { response, html } = await choose(invoice.id, 'approve', '&opener_origin=https%3A%2F%2Fpay.shop.example');
    expect(response.status).toBe(200);
    const nonce = nonceOf(response.headers.get('content-security-policy')!);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).not.toContain('"*"');

    const withOpener = runResultScript(html, true);
    const [message, targetOrigin] = withOpener.posted!;
    expect(targetOrigin).toBe('https://pay.shop.example');
    expect(typeof message).toBe('string');
    const parsed = JSON.parse(message);
    expect(parsed).toMatchObject({ namespace: 'processout.checkout', action: 'success' });
    expect(parsed.data).toMatch(/^gway_req_/);
    expect(withOpener.closed).toBe(true);

    const withoutOpener = runResultScript(html, false);
    expect(withoutOpener.posted).toBeUndefined();
    expect(withoutOpener.replacedWith).toBe(`https://shop.example/return?x=1&token=${encodeURIComponent(parsed.data)}`);

    const capture = await api.post(`/invoices/${invoice.id}/capture`, { source: parsed.data });
    expect(capture.body.transaction.status).toBe('completed');
  });

  it('decline and cancel: tell the opener what happened', async () => {
    const declined = await createInvoice(api, { return_url: 'https://shop.example/return' });
    const opener = '&opener_origin=https%3A%2F%2Fshop.example';
    const error = JSON.parse(runResultScript((await choose(declined.id, 'decline', opener)).html, true).posted![0]);
    expect(error).toMatchObject({ namespace: 'processout.checkout', action: 'error', errorCode: 'payment.declined' });
    const canceled = await createInvoice(api, { return_url: 'https://shop.example/return' });
    const cancel = runResultScript((await choose(canceled.id, 'cancel', opener)).html, true).posted!;
    expect(JSON.parse(cancel[0])).toEqual({ namespace: 'processout.checkout', action: 'canceled' });
    expect(cancel[1]).toBe('https://shop.example');
  });

  it('redirects with 302 when metadata.skip_processoutjs is "true"', async () => {
    const invoice = await createInvoice(api, {
      return_url: 'https://shop.example/return',
      cancel_url: 'https://shop.example/cart',
      metadata: { skip_processoutjs: 'true' },
    });
    const approve = await choose(invoice.id, 'approve');
    expect(approve.response.status).toBe(302);
    const location = new URL(approve.response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://shop.example/return');
    expect(location.searchParams.get('token')).toMatch(/^gway_req_/);
    const other = await createInvoice(api, {
      return_url: 'https://shop.example/return',
      cancel_url: 'https://shop.example/cart',
      metadata: { skip_processoutjs: 'true' },
    });
    expect((await choose(other.id, 'cancel')).response.headers.get('location')).toBe('https://shop.example/cart');
    expect((await choose(other.id, 'decline')).response.headers.get('location')).toBe(
      'https://shop.example/return?error_code=payment.declined',
    );
  });

  it('redirects deep links with 302', async () => {
    const invoice = await createInvoice(api, { return_url: 'your.application.id://processout/return' });
    const form = await openPage(invoice.id);
    expect(form.response.headers.get('content-security-policy')).toContain("form-action 'self' your.application.id:");
    const approve = await choose(invoice.id, 'approve');
    expect(approve.response.status).toBe(302);
    expect(approve.response.headers.get('location')).toMatch(/^your\.application\.id:\/\/processout\/return\?token=gway_req_/);
  });

  it('without a return_url, posts to the origin of the page that opened the checkout', async () => {
    const invoice = await createInvoice(api);
    const { html } = await openPage(invoice.id, { referer: 'https://merchant.example/pay?step=1' });
    expect(html).toContain('<input type="hidden" name="opener_origin" value="https://merchant.example">');
    const result = await choose(invoice.id, 'approve', '&opener_origin=https%3A%2F%2Fmerchant.example');
    const calls = runResultScript(result.html, true);
    expect(calls.posted![1]).toBe('https://merchant.example');

    // No known origin: nothing is posted (never "*"), the page shows the token instead.
    const bare = await createInvoice(api);
    const unknown = await choose(bare.id, 'approve', '&opener_origin=javascript%3Aalert(1)');
    const noTarget = runResultScript(unknown.html, true);
    expect(noTarget.posted).toBeUndefined();
    expect(noTarget.replacedWith).toBeUndefined();
    expect(unknown.html).toMatch(/data-testid="token">gway_req_/);

    // No known opener origin but a return_url: the return_url's origin is not assumed; the page goes there.
    const returning = await createInvoice(api, { return_url: 'https://shop.example/return' });
    const noOpener = runResultScript((await choose(returning.id, 'approve')).html, true);
    expect(noOpener.posted).toBeUndefined();
    expect(noOpener.replacedWith).toMatch(/^https:\/\/shop\.example\/return\?token=gway_req_/);
  });

  it('refuses an unknown outcome', async () => {
    const invoice = await createInvoice(api);
    const response = await choose(invoice.id, 'steal');
    expect(response.response.status).toBe(400);
  });
});

describe('hosted checkout page (invoice.url)', () => {
  it('links to each test APM', async () => {
    const invoice = await createInvoice(api);
    const response = await fetch(invoice.url as string);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(`href="${pagePath(invoice.id)}"`);
    expect(html).not.toContain('.sandbox"');
  });
});
