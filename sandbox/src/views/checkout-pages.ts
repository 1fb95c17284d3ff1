import { escapeHtml, htmlDocument, scriptJson } from '../lib/html.ts';
import type { GatewayConfiguration } from '../schemas/gateway-configuration.ts';
import type { StoredInvoice } from '../schemas/invoice.ts';
import { TEST_OUTCOMES } from '../services/test-outcomes.ts';

// Plain server-rendered pages of the test checkout. Every dynamic value goes through escapeHtml
// (or scriptJson inside the script), and the only inline style/script carry the CSP nonce.

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; }
  body { margin: 0; background: #f4f5f7; color: #1b1d21; }
  main { max-width: 28rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 8px;
         box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  h1 { font-size: 1.25rem; margin-top: 0; }
  .sandbox { display: inline-block; background: #fff3cd; color: #5c4400; padding: .1rem .5rem; border-radius: 4px; font-size: .85rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  fieldset { border: 0; padding: 0; margin: 1rem 0 0; display: grid; gap: .5rem; }
  legend { font-weight: 600; margin-bottom: .5rem; }
  button, .link-button { font: inherit; padding: .6rem 1rem; border-radius: 6px; border: 2px solid #1b1d21; background: #fff;
           color: #1b1d21; cursor: pointer; text-align: left; text-decoration: none; display: block; }
  button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; }
  button:focus-visible, a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
  small { display: block; color: #4a4f57; margin: .2rem 0 .4rem; }
  code { overflow-wrap: anywhere; font-size: .85rem; }
  ul { padding: 0; list-style: none; display: grid; gap: .5rem; }
`;

function page(nonce: string, title: string, body: string, script = ''): string {
  return htmlDocument({ nonce, title, style: STYLE, body: `<main>\n${body}\n</main>`, script });
}

function invoiceSummary(invoice: StoredInvoice): string {
  return `<dl>
  <dt>Order</dt><dd data-testid="invoice-name">${escapeHtml(invoice.name)}</dd>
  <dt>Amount</dt><dd data-testid="invoice-amount">${escapeHtml(invoice.amount)} ${escapeHtml(invoice.currency)}</dd>
  <dt>Invoice</dt><dd><code>${escapeHtml(invoice.id)}</code></dd>
</dl>`;
}

export function providerPage(options: {
  nonce: string;
  invoice: StoredInvoice;
  conf: GatewayConfiguration;
  formAction: string;
  openerOrigin: string | null;
}): string {
  const { nonce, invoice, conf, formAction, openerOrigin } = options;
  const button = (outcome: string, label: string, hint: string, primary = false) =>
    `<div><button type="submit" name="outcome" value="${outcome}"${primary ? ' class="primary"' : ''} aria-describedby="hint-${outcome}">${label}</button>
    <small id="hint-${outcome}">${hint}</small></div>`;
  return page(
    nonce,
    `Test payment provider – ${conf.gateway.display_name}`,
    `<p class="sandbox">Sandbox – no real money moves</p>
<h1>Test payment provider: ${escapeHtml(conf.gateway.display_name)}</h1>
${invoiceSummary(invoice)}
<form method="post" action="${escapeHtml(formAction)}">
  ${openerOrigin ? `<input type="hidden" name="opener_origin" value="${escapeHtml(openerOrigin)}">` : ''}
  <fieldset>
    <legend>Choose what the provider does</legend>
    ${TEST_OUTCOMES.map((entry, index) => button(entry.outcome, entry.label, entry.hint, index === 0)).join('\n    ')}
  </fieldset>
</form>`,
  );
}

export interface ResultPageOptions {
  nonce: string;
  invoice: StoredInvoice;
  heading: string;
  message: string;
  token: string | null;
  /** JSON string ProcessOut.js expects from the checkout window. */
  openerMessage: string;
  /** Origin of the page that opened the checkout (its Referer); null when unknown: the message is not sent. */
  targetOrigin: string | null;
  redirectUrl: string | null;
}

export function resultPage(options: ResultPageOptions): string {
  const { nonce, invoice, heading, message, token, openerMessage, targetOrigin, redirectUrl } = options;
  // Send the result to the window that opened us (ProcessOut.js), restricted to that window's origin;
  // without an opener (new tab, in-app browser) go to the return URL instead.
  const script = `(function () {
  var message = ${scriptJson(openerMessage)};
  var targetOrigin = ${scriptJson(targetOrigin)};
  var redirectUrl = ${scriptJson(redirectUrl)};
  if (window.opener && targetOrigin) {
    window.opener.postMessage(message, targetOrigin);
    window.close();
  } else if (redirectUrl) {
    window.location.replace(redirectUrl);
  }
})();`;
  const next = redirectUrl
    ? `<p><a class="link-button" href="${escapeHtml(redirectUrl)}">Return to the shop</a></p>`
    : '<p>The invoice has no return URL for this outcome: close this window.</p>';
  return page(
    nonce,
    `${heading} – test payment provider`,
    `<p class="sandbox">Sandbox – no real money moves</p>
<h1 role="status">${escapeHtml(heading)}</h1>
${invoiceSummary(invoice)}
<p>${escapeHtml(message)}</p>
${token ? `<p>Token: <code data-testid="token">${escapeHtml(token)}</code></p>` : ''}
${next}`,
    script,
  );
}

export function hostedCheckoutPage(options: { nonce: string; invoice: StoredInvoice; links: { label: string; href: string }[] }): string {
  const { nonce, invoice, links } = options;
  const items = links.map((link) => `<li><a class="link-button" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`);
  return page(
    nonce,
    `Pay ${invoice.name} – sandbox checkout`,
    `<p class="sandbox">Sandbox – no real money moves</p>
<h1>Choose a payment method</h1>
${invoiceSummary(invoice)}
<ul>${items.join('\n')}</ul>`,
  );
}

export function errorPage(nonce: string, heading: string, message: string): string {
  return page(nonce, heading, `<p class="sandbox">Sandbox</p>\n<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** A small generated logo so listings render something without any external asset. */
export function logoSvg(label: string): string {
  const initials = label
    .replace(/^test-/, '')
    .split('-')
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 3);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40" role="img" aria-label="${escapeHtml(label)}">
<rect width="120" height="40" rx="6" fill="#0b5cad"/>
<text x="60" y="26" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">${escapeHtml(initials)} test</text>
</svg>`;
}
