// Rules for URLs an invoice carries. return_url/cancel_url may be web URLs or app deep links
// (`your.application.id://processout/return`); script-capable or local schemes are refused because the
// checkout page redirects the customer's browser there.
const REFUSED_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:']);
const SCHEME_WITH_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

// A host name of LDH labels (non-ASCII names arrive punycoded from the URL parser), an IPv4 address,
// or a bracketed IPv6 address. The URL parser lets `*`, `;`, `'`… through in hosts; refusing them keeps
// what reaches the checkout pages' Content-Security-Policy a plain origin.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:$/;

function isWeb(url: URL | null): boolean {
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && HOST.test(url.hostname);
}

export function isWebUrl(value: string): boolean {
  return isWeb(parse(value));
}

/** An absolute http(s) URL, or a deep link with a custom scheme (`app.id://path`). */
export function isReturnUrl(value: string): boolean {
  if (!SCHEME_WITH_AUTHORITY.test(value)) return false;
  const url = parse(value);
  if (url === null || REFUSED_SCHEMES.has(url.protocol)) return false;
  return isWeb(url) || !['http:', 'https:'].includes(url.protocol);
}

export function isDeepLink(value: string): boolean {
  return isReturnUrl(value) && !isWebUrl(value);
}

/** The origin a checkout page may post a message to: only http(s) URLs have one. */
export function webOrigin(value: string | null | undefined): string | null {
  if (!value || !isWebUrl(value)) return null;
  return new URL(value).origin;
}

/**
 * The URL as the parser serialises it: punycode host, percent-encoded path and query. Only this form
 * goes into a Location header or a page: the raw text may hold characters a header cannot carry.
 */
export function serializeUrl(value: string): string {
  return new URL(value).href;
}

/**
 * A CSP source for a return target: the web URL's origin (scheme, host, port), or a deep link's
 * scheme (`app.id:`); null when it is neither, so nothing else can reach a policy.
 */
export function cspSource(value: string): string | null {
  const origin = webOrigin(value);
  if (origin) return origin;
  const url = parse(value);
  return url && isDeepLink(value) && SCHEME.test(url.protocol) ? url.protocol : null;
}

/** Adds query parameters, keeping the existing ones (works for deep links too). */
export function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
