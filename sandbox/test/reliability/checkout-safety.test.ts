import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, DEMO_PROJECT, type SandboxApp } from '@apm-docs/sandbox';
import { cspDirectives, elementNonces, markupSkeleton, resultScriptEffects } from './lib/checkout-page.ts';
import { FULL_SCALE } from './lib/scale.ts';
import { storeFingerprint } from '@apm-docs/sandbox/testing';
import { basicAuth } from '../lib/client.ts';

// Redirect and token safety of the test checkout, with generated hostile inputs: pages only send the
// customer to the invoice's own return_url or cancel_url; script-capable URLs are never stored;
// postMessage targets the origin of the page that opened the checkout, never "*"; a gway_req_ token works once and only for its
// invoice; pages send a strict CSP and render every echoed value as text.

const RUNS = FULL_SCALE ? 300 : 40;
const AUTH = basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret);
let app: SandboxApp;
let confId: string;

beforeAll(async () => {
  app = await buildApp({ pendingDelayMs: 3_600_000 });
  const confs = (await api('GET', '/gateway-configurations')).json().gateway_configurations as { id: string; gateway: { name: string } }[];
  confId = confs.find((conf) => conf.gateway.name === 'test-alternative-payment')!.id;
});
afterAll(() => app.close());

function api(method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
  return app.inject({ method, url, headers: { authorization: AUTH, ...headers }, ...(payload ? { payload } : {}) });
}

async function createInvoice(
  fields: Record<string, unknown>,
): Promise<{ id: string; return_url: string | null; cancel_url: string | null }> {
  const response = await api('POST', '/invoices', { name: 'Order', amount: '10.00', currency: 'EUR', ...fields });
  if (response.statusCode !== 200) throw new Error(`invoice: ${response.body}`);
  return response.json().invoice;
}

const providerPath = (invoiceId: string) => `/checkout/${DEMO_PROJECT.id}/${invoiceId}/redirect/${confId}`;
const choose = (invoiceId: string, form: string) =>
  app.inject({
    method: 'POST',
    url: providerPath(invoiceId),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form,
  });
const withoutQuery = (url: string) => url.split('?')[0]!;
const originOf = (url: string | null) => (url && /^https?:/.test(url) ? new URL(url).origin : null);
const unescapeHtml = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('URLs the checkout may send customers to', () => {
  const dangerousUrl = fc
    .tuple(
      fc.constantFrom('javascript', 'data', 'vbscript', 'file', 'blob', 'about'),
      fc.func(fc.boolean()),
      fc.constantFrom('', ' ', '\t', '\n', '\u0000', '\u00a0'),
      fc.constantFrom(':', '://', '://%0a', ':\n//', ':\t//'),
      fc.constantFrom(
        'alert(1)',
        'alert(document.cookie)//',
        'text/html,<script>alert(1)</script>',
        'https://shop.example/',
        '/etc/passwd',
      ),
      fc.nat(),
    )
    .map(([scheme, upper, prefix, separator, payload, split]) => {
      const cased = Array.from(scheme)
        .map((c, i) => (upper(i) ? c.toUpperCase() : c))
        .join('');
      // Sometimes a tab or newline inside the scheme, which URL parsers silently drop.
      const at = split % (scheme.length + 1);
      const mangled = split % 3 === 0 ? `${cased.slice(0, at)}\t${cased.slice(at)}` : cased;
      return `${prefix}${mangled}${separator}${payload}`;
    });

  it(`refuses ${RUNS} generated javascript:/data:/… URLs in every URL field, storing nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(
        dangerousUrl,
        fc.constantFrom('return_url', 'cancel_url', 'webhook_url'),
        fc.boolean(),
        async (url, field, asForm) => {
          const before = storeFingerprint(app.store);
          const fields = { name: 'Order', amount: '10.00', currency: 'EUR', [field]: url };
          const response = asForm
            ? await app.inject({
                method: 'POST',
                url: '/invoices',
                headers: { authorization: AUTH, 'content-type': 'application/x-www-form-urlencoded' },
                payload: new URLSearchParams(fields).toString(),
              })
            : await api('POST', '/invoices', fields);
          expect(response.statusCode).toBe(400);
          expect(response.json().error_type).toBe('request.validation.invalid-url');
          expect(storeFingerprint(app.store)).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
    const stored = app.store.listInvoices(DEMO_PROJECT.id, { limit: Number.MAX_SAFE_INTEGER, order: 'asc' }).items;
    for (const invoice of stored)
      for (const url of [invoice.return_url, invoice.cancel_url])
        if (url) expect(url).not.toMatch(/^\W*(javascript|data|vbscript|file|blob|about)\W*:/i);
  });

  const returnConfig = fc.record({
    return_url: fc.constantFrom('https://shop.example/return?order=1', 'your.application.id://processout/return', undefined),
    cancel_url: fc.constantFrom('https://cart.shop.example/cart', undefined),
    skip: fc.boolean(),
  });
  const evilField = fc.tuple(
    fc.constantFrom('opener_origin', 'return_url', 'cancel_url', 'redirect_url', 'next', 'targetOrigin'),
    fc.constantFrom('https://evil.example', '*', 'javascript:alert(1)', '//evil.example', 'https://shop.example.evil.example', 'null'),
  );

  it(`redirects and posts results only to the invoice's own URLs (${RUNS} generated checkouts)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        returnConfig,
        fc.constantFrom('approve', 'decline', 'cancel', 'pending'),
        fc.array(evilField, { maxLength: 3 }),
        async (config, outcome, extra) => {
          const invoice = await createInvoice({
            return_url: config.return_url,
            cancel_url: config.cancel_url,
            ...(config.skip ? { metadata: { skip_processoutjs: 'true' } } : {}),
          });
          const allowed = [invoice.return_url, invoice.cancel_url].filter((u): u is string => u !== null).map(withoutQuery);
          const form = new URLSearchParams([
            ['outcome', outcome],
            ...extra.filter(([key]) => key !== 'opener_origin' || extra.filter(([k]) => k === key).length === 1),
          ]);
          const response = await choose(invoice.id, form.toString());
          if (response.statusCode === 302) {
            expect(allowed).toContain(withoutQuery(String(response.headers.location)));
            return;
          }
          expect(response.statusCode).toBe(200);
          const html = response.body;
          for (const link of html.matchAll(/class="link-button" href="([^"]*)"/g))
            expect(allowed).toContain(withoutQuery(unescapeHtml(link[1]!)));
          const navigated = resultScriptEffects(html, false).navigatedTo;
          if (navigated !== undefined) expect(allowed).toContain(withoutQuery(navigated as string));
          const posted = resultScriptEffects(html, true).posted;
          // Only to the origin of the page that opened the checkout, as the browser reported it; else nothing.
          const openerOrigin = originOf(form.get('opener_origin'));
          if (openerOrigin) expect(posted?.targetOrigin).toBe(openerOrigin);
          else expect(posted).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('gway_req_ tokens', () => {
  const forgery = fc.constantFrom(
    'truncated',
    'extended',
    'one char changed',
    'case swapped',
    're-encoded',
    'plus as space',
    'padded',
    'prefix only',
    'other invoice',
  );

  function forge(token: string, how: string, otherToken: string, seed: number): string {
    switch (how) {
      case 'truncated':
        return token.slice(0, Math.max(9, token.length - 1 - (seed % 20)));
      case 'extended':
        return `${token}${'A='.slice(0, 1 + (seed % 2))}`;
      case 'one char changed': {
        const at = 9 + (seed % (token.length - 9));
        return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
      }
      case 'case swapped':
        return token.replace(/[a-z]/g, (c) => c.toUpperCase());
      case 're-encoded': {
        const request = JSON.parse(Buffer.from(token.slice(9), 'base64').toString('utf8')) as Record<string, unknown>;
        return `gway_req_${Buffer.from(JSON.stringify({ ...request, body: 'sandbox_request=forged' })).toString('base64')}`;
      }
      case 'plus as space':
        return token.includes('+') ? token.replace(/\+/g, ' ') : `${token.slice(0, 12)} ${token.slice(13)}`;
      case 'padded':
        return seed % 2 ? ` ${token}` : `${token}\n`;
      case 'prefix only':
        return 'gway_req_';
      default:
        return otherToken;
    }
  }

  it(`refuse ${RUNS} generated forgeries and work once, only for their own invoice`, async () => {
    await fc.assert(
      fc.asyncProperty(forgery, fc.nat(), fc.constantFrom('capture', 'authorize'), async (how, seed, action) => {
        const own = await createInvoice({});
        const other = await createInvoice({});
        const mint = async (id: string) =>
          (await api('POST', `/_sandbox/invoices/${id}/complete`, { gateway_configuration_id: confId, outcome: 'approve' })).json()
            .token as string;
        const token = await mint(own.id);
        const otherToken = await mint(other.id);

        const before = storeFingerprint(app.store);
        const forged = await api('POST', `/invoices/${own.id}/${action}`, { source: forge(token, how, otherToken, seed) });
        expect(forged.statusCode).toBe(400);
        expect(forged.json().error_type).toBe('request.source.invalid');
        expect(storeFingerprint(app.store)).toBe(before);

        // The genuine token still works, once, and never for another invoice.
        expect((await api('POST', `/invoices/${other.id}/capture`, { source: token })).json().error_type).toBe('request.source.invalid');
        expect((await api('POST', `/invoices/${own.id}/capture`, { source: token })).statusCode).toBe(200);
        const reused = await api('POST', `/invoices/${other.id}/capture`, { source: token });
        expect(reused.json().error_type).toBe('request.source.invalid');
        const again = await api('POST', `/invoices/${own.id}/capture`, { source: token });
        expect(again.statusCode).toBe(400);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('checkout pages', () => {
  async function pages(fields: Record<string, unknown>) {
    const invoice = await createInvoice(fields);
    const load = (method: 'GET' | 'POST', url: string, form?: string) =>
      app.inject({ method, url, ...(form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form } : {}) });
    return {
      invoice,
      hosted: await load('GET', `/checkout/${DEMO_PROJECT.id}/${invoice.id}`),
      provider: await load('GET', providerPath(invoice.id)),
      canceled: await load('POST', providerPath(invoice.id), 'outcome=cancel'),
      approved: await load('POST', providerPath(invoice.id), 'outcome=approve'),
      error: await load('GET', `/checkout/${DEMO_PROJECT.id}/iv_unknown/redirect/${confId}`),
    };
  }

  it('send a strict Content-Security-Policy whose nonce is on every script and style, fresh on every load', async () => {
    const first = await pages({ return_url: 'https://shop.example/return', cancel_url: 'myapp://cancel' });
    const second = await pages({ return_url: 'https://shop.example/return', cancel_url: 'myapp://cancel' });
    const nonces = new Set<string>();
    for (const [name, response] of Object.entries(first).filter(([key]) => key !== 'invoice') as [
      string,
      Awaited<ReturnType<typeof app.inject>>,
    ][]) {
      const csp = cspDirectives(String(response.headers['content-security-policy']));
      expect(csp.get('default-src'), name).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), name).toEqual(["'none'"]);
      expect(csp.get('base-uri'), name).toEqual(["'none'"]);
      expect(csp.get('img-src'), name).toEqual(["'self'"]);
      const [scriptSource, ...moreScripts] = csp.get('script-src') ?? [];
      expect(scriptSource, name).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
      expect(moreScripts, name).toEqual([]);
      expect(csp.get('style-src'), name).toEqual([scriptSource]);
      expect([...csp.values()].flat(), name).not.toEqual(expect.arrayContaining(["'unsafe-inline'"]));
      for (const value of [...csp.values()].flat())
        expect(value, name).not.toMatch(/^(\*|'unsafe-eval'|'unsafe-inline'|data:|https?:|blob:)$/);
      const formTargets = csp.get('form-action') ?? [];
      expect(formTargets[0], name).toBe("'self'");
      for (const target of formTargets.slice(1)) expect(['https://shop.example', 'myapp:'], name).toContain(target);
      const nonce = scriptSource!.slice(7, -1);
      nonces.add(nonce);
      const { scripts, styles } = elementNonces(response.body);
      expect(
        [...scripts, ...styles].every((n) => n === nonce),
        name,
      ).toBe(true);
      expect(response.headers['x-content-type-options'], name).toBe('nosniff');
      expect(response.headers['referrer-policy'], name).toBe('no-referrer');
    }
    for (const response of [second.hosted, second.provider])
      nonces.add(/'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))![1]!);
    expect(nonces.size).toBe(7);
  });

  const hostileFragment = fc.constantFrom(
    '<',
    '>',
    '"',
    "'",
    '&',
    '/',
    '=',
    ' ',
    '`',
    '\\',
    '<script>',
    '</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "'-alert(1)-'",
    '<!--',
    '-->',
    '${alert(1)}',
    '\u2028',
    '&lt;',
    'javascript:',
    '</dd>',
    '<style>',
    'é',
  );
  const hostileName = fc
    .array(hostileFragment, { minLength: 1, maxLength: 10 })
    .map((parts) => parts.join(''))
    .filter((name) => name.trim().length > 0 && name.length <= 80);
  // URLs cannot hold whitespace (the API refuses them); everything else goes into the query.
  const hostileQuery = fc
    .array(hostileFragment, { maxLength: 4 })
    .map((parts) => `q=${parts.join('')}`)
    .filter((query) => !/\s/.test(query));

  it(`render ${RUNS} generated XSS attempts in the invoice name and URLs as text`, async () => {
    const reference = await pages({
      name: 'Reference',
      return_url: 'https://shop.example/r?q=1',
      cancel_url: 'https://shop.example/c?q=1',
    });
    await fc.assert(
      fc.asyncProperty(hostileName, hostileQuery, async (name, query) => {
        const hostile = await pages({ name, return_url: `https://shop.example/r?${query}`, cancel_url: `https://shop.example/c?${query}` });
        for (const key of ['hosted', 'provider', 'canceled', 'approved'] as const) {
          expect(markupSkeleton(hostile[key].body), key).toEqual(markupSkeleton(reference[key].body));
          expect(unescapeHtml(hostile[key].body), key).toContain(name);
        }
        // The result page's script still runs as written: with no opener origin reported it posts
        // nothing and sends the customer back to the shop's cancel_url.
        const effects = resultScriptEffects(hostile.canceled.body, true);
        expect(effects.posted).toBeUndefined();
        expect(String(effects.navigatedTo)).toMatch(/^https:\/\/shop\.example\/c\?/);
      }),
      { numRuns: RUNS },
    );
  });
});
