import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../lib/errors.ts';

// Which `Host` headers the sandbox answers. The demo secret is public, so a page on another site
// that rebinds its own DNS name to 127.0.0.1 could otherwise drive the sandbox and get its own
// name reflected into invoice URLs. Only names that cannot be rebound are served: loopback names
// and addresses, the address the connection actually arrived on (what `--host` binds), the
// `--public-url` host and `allowedHosts`. Ports are not compared: a proxy or port forward on this
// machine (e.g. the SDK conformance suite's validating proxy) keeps its own port in `Host`.

/** `host[:port]` as RFC 9110 allows it in `Host` (reg-name, IPv4 or bracketed IPv6), lower-cased. */
const AUTHORITY = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

export interface Authority {
  /** Host name or address as it appears in a URL (IPv6 in brackets), lower-cased. */
  hostname: string;
  /** `hostname[:port]`, for building URLs. */
  host: string;
}

/** Parses a `Host` header value; null when it is not a valid `host[:port]`. */
export function parseAuthority(value: string): Authority | null {
  // Every request parses its Host twice (the host check, then the URLs it answers with), and a
  // client sends the same one each time: the last result is kept (one entry, so nothing grows).
  if (value !== lastParsed.value) lastParsed = { value, authority: parseAuthorityOnce(value) };
  return lastParsed.authority;
}

let lastParsed: { value: string | undefined; authority: Authority | null } = { value: undefined, authority: null };

function parseAuthorityOnce(value: string): Authority | null {
  const host = value.toLowerCase();
  const match = AUTHORITY.exec(host);
  if (!match) return null;
  const hostname = match[1]!;
  if (match[2] !== undefined && Number(match[2]) > 65535) return null;
  if (hostname.startsWith('[') && !isIPv6(hostname.slice(1, -1))) return null;
  if (/^[\d.]+$/.test(hostname) && !isIPv4(hostname)) return null;
  return { hostname, host };
}

/** The address a socket's local end is bound to, as a URL host name. */
function urlHostOf(address: string): string {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isIPv6(v4) ? `[${v4}]` : v4;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || (isIPv4(hostname) && hostname.startsWith('127.'))
  );
}

/** Normalises a configured host name (`::1`, `[::1]`, `Example.TEST`) to the form `parseAuthority` gives. */
export function normaliseHostname(name: string): string {
  const lower = name.toLowerCase();
  return isIPv6(lower) ? `[${lower}]` : lower;
}

const INVALID_HOST =
  'The Host header is missing, repeated or not a valid host[:port]; send the host you reach the sandbox on, e.g. Host: 127.0.0.1:4010.';

/**
 * The authority the request was sent to: its validated `Host`, or for an HTTP/1.0 request without
 * one, the address the connection arrived on. Throws `request.host.invalid` when neither applies.
 */
export function requestAuthority(request: FastifyRequest): Authority {
  const raw = request.raw;
  const header = raw.headers.host;
  if (header === undefined) {
    const socket = raw.socket;
    if (raw.httpVersion !== '1.0' || !socket.localAddress) throw new ApiError(400, 'request.host.invalid', INVALID_HOST);
    const hostname = urlHostOf(socket.localAddress);
    return { hostname, host: `${hostname}:${socket.localPort}` };
  }
  const authority = parseAuthority(header);
  if (!authority) throw new ApiError(400, 'request.host.invalid', INVALID_HOST);
  return authority;
}

/** The base URL clients reached this sandbox on (or the configured public URL), without trailing slash. */
export function publicOrigin(request: FastifyRequest): string {
  return request.server.sandboxConfig.publicUrl ?? `${request.protocol}://${requestAuthority(request).host}`;
}

/** More than one Host line: Node keeps only the first, RFC 9112 §3.2 says refuse. */
function hasRepeatedHost(rawHeaders: string[]): boolean {
  let seen = false;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.length === 4 && rawHeaders[i]!.toLowerCase() === 'host') {
      if (seen) return true;
      seen = true;
    }
  }
  return false;
}

/** Throws unless the request's `Host` is well-formed (400) and names a host the sandbox serves (421). */
function checkHost(request: FastifyRequest, allowedHostnames: ReadonlySet<string>): void {
  if (hasRepeatedHost(request.raw.rawHeaders)) throw new ApiError(400, 'request.host.invalid', INVALID_HOST);
  const { hostname, host } = requestAuthority(request);
  if (isLoopback(hostname) || allowedHostnames.has(hostname)) return;
  const local = request.raw.socket.localAddress;
  if (local && urlHostOf(local) === hostname) return;
  throw new ApiError(
    421,
    'request.host.not-allowed',
    `This sandbox does not serve the host ${host}: use 127.0.0.1 or localhost, or start it with --public-url set to the URL clients use.`,
  );
}

export function registerHostCheck(app: FastifyInstance, allowedHostnames: ReadonlySet<string>): void {
  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkHost(request, allowedHostnames);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
