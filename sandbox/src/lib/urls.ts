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

export function isWebUrl(value: string): boolean {
  const url = parse(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** An absolute http(s) URL, or a deep link with a custom scheme (`app.id://path`). */
export function isReturnUrl(value: string): boolean {
  if (!SCHEME_WITH_AUTHORITY.test(value)) return false;
  const url = parse(value);
  if (url === null || REFUSED_SCHEMES.has(url.protocol)) return false;
  return isWebUrl(value) || !['http:', 'https:'].includes(url.protocol);
}

export function isDeepLink(value: string): boolean {
  return isReturnUrl(value) && !isWebUrl(value);
}

/** The origin a checkout page may post a message to: only http(s) URLs have one. */
export function webOrigin(value: string | null | undefined): string | null {
  if (!value || !isWebUrl(value)) return null;
  return new URL(value).origin;
}

/** Adds query parameters, keeping the existing ones (works for deep links too). */
export function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
