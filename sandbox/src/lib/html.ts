import { randomBytes } from 'node:crypto';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** A JSON literal that is safe inside an inline <script> (no `</script>`, no HTML comment openers). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** `scheme:` or `scheme://host[:port]` with no character CSP gives a meaning to. */
const CSP_SOURCE = /^[a-z][a-z0-9+.-]*:(?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?)?$/;

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Content-Security-Policy of the checkout pages: nothing loads but our own nonce'd inline style and
 * script and our images; forms may only go back to the sandbox, plus `extraFormTargets` because
 * browsers apply form-action to the redirect that follows a form post.
 */
export function checkoutCsp(nonce: string, extraFormTargets: string[] = []): string {
  // Callers pass lib/urls.ts cspSource values; anything else (a `;`, a quote, a wildcard) is dropped
  // here too, so no value can end the directive or add a source.
  const targets = extraFormTargets.filter((target) => CSP_SOURCE.test(target));
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self'",
    `form-action 'self'${targets.map((target) => ` ${target}`).join('')}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The document every sandbox HTML page is: not indexed, one stylesheet and at most one script, both carrying the
 * page's CSP nonce. `title` is escaped here; `body` is markup the caller escaped.
 */
export function htmlDocument(page: { nonce: string; title: string; style: string; body: string; script?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<style nonce="${page.nonce}">${page.style}</style>
</head>
<body>
${page.body}
${page.script ? `<script nonce="${page.nonce}">${page.script}</script>` : ''}
</body>
</html>`;
}
