import { errorEnvelopeProblem } from './documented-errors.ts';

export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export interface ReturnTargets {
  return_url: string | null;
  cancel_url: string | null;
}

const header = (response: ObservedResponse, name: string) => {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
};

const withoutQuery = (url: string) => url.split('?')[0]!;

function checkoutInvoiceId(path: string): string | undefined {
  const match = /^\/checkout\/[^/]+\/([^/?]+)\/redirect\//.exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/**
 * What is wrong with the sandbox's answer to a (possibly hostile) request, or null when it is fine:
 * no 5xx; API errors are documented JSON envelopes; checkout pages carry a strict CSP; checkout
 * redirects only go to the invoice's own return or cancel URL.
 */
export function responseProblem(
  method: string,
  url: string,
  response: ObservedResponse,
  findInvoice: (id: string) => ReturnTargets | undefined,
): string | null {
  const { status } = response;
  const path = url.split('?')[0]!;
  const contentType = header(response, 'content-type');
  if (status >= 500) return `HTTP ${status}: ${response.text.slice(0, 300)}`;
  if (method === 'HEAD' || status === 204) return null;
  if ((status === 301 || status === 302 || status === 303 || status === 307) && path.startsWith('/checkout/')) {
    const location = header(response, 'location') ?? '';
    let invoiceId: string | undefined;
    try {
      invoiceId = checkoutInvoiceId(path);
    } catch {
      return `redirect from an undecodable path to ${location}`;
    }
    const invoice = invoiceId ? findInvoice(invoiceId) : undefined;
    const allowed = [invoice?.return_url, invoice?.cancel_url].filter((u): u is string => Boolean(u)).map(withoutQuery);
    return allowed.includes(withoutQuery(location)) ? null : `redirect to ${location}, not to the invoice's return or cancel URL`;
  }
  if (status >= 300 && status < 400) return `unexpected redirect ${status}`;
  if (contentType?.startsWith('text/html')) {
    if (!path.startsWith('/checkout/')) return `HTML answer on an API route`;
    const csp = header(response, 'content-security-policy') ?? '';
    if (!csp.includes("default-src 'none'") || !csp.includes("frame-ancestors 'none'")) return `checkout page without a strict CSP: ${csp}`;
    return null;
  }
  if (contentType?.startsWith('image/svg+xml') && path.startsWith('/checkout/assets/logos/') && status === 200) return null;
  if (status >= 400) return errorEnvelopeProblem(status, contentType, response.text);
  try {
    const body = JSON.parse(response.text) as { success?: unknown; openapi?: unknown };
    if (body.success === true || (path === '/openapi.json' && typeof body.openapi === 'string')) return null;
    return 'a 2xx JSON answer without success: true';
  } catch {
    return `a ${status} answer that is not JSON (${contentType})`;
  }
}
