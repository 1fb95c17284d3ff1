// A reverse proxy between a running sample and the sandbox that holds every answer to what the
// official SDKs and our samples need (validateSdkAnswer, samples schema). Samples point
// PROCESSOUT_API_URL at it; the suite asserts at the end that no answer broke the schema.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodedJson, type RawAnswer } from './http.ts';
import { validateSdkAnswer } from './sdk-schemas.ts';

export interface SchemaViolation {
  method: string;
  /** Path and query as the sample sent them. */
  url: string;
  status: number;
  route: string;
  schema: string;
  errors: string[];
}

export interface ValidatingProxy {
  /** Base URL to give samples instead of the sandbox's (no trailing slash). */
  url: string;
  /** Answers that failed their schema, in the order they were sent. */
  violations(): SchemaViolation[];
  /** How many answers were held to a schema (routes outside decoding/schemas.json are passed through unchecked). */
  validated(): number;
  close(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own business, and the body is re-sent whole.
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'proxy-connection']);

function forwardedHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_FORWARDED.has(name)));
}

function forward(target: URL, method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // Host is kept: the sandbox builds its links (invoice.url, logos) for the address the sample used.
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: url,
        headers: { ...forwardedHeaders(headers), 'content-length': body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, raw: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Starts the proxy on 127.0.0.1 (a free port) in front of `targetUrl`. */
export async function startValidatingProxy(targetUrl: string): Promise<ValidatingProxy> {
  const target = new URL(targetUrl);
  const violations: SchemaViolation[] = [];
  let validated = 0;

  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => void answer());

    // Every failure ends in the catch (a 502 and a violation), so the listener can drop the promise.
    async function answer(): Promise<void> {
      const method = incoming.method ?? 'GET';
      const url = incoming.url ?? '/';
      try {
        const answer = await forward(target, method, url, incoming.headers, Buffer.concat(chunks));
        outgoing.writeHead(answer.status, { ...forwardedHeaders(answer.headers), 'content-length': answer.raw.length }).end(answer.raw);
        const check = validateSdkAnswer(method, url, answer.status, decodedJson(answer), { samples: true });
        if (check.route === null || check.schema === null) return;
        validated += 1;
        if (check.errors.length > 0)
          violations.push({ method, url, status: answer.status, route: check.route, schema: check.schema, errors: check.errors });
      } catch (error) {
        const message = `validating proxy: ${targetUrl} did not answer (${(error as Error).message})`;
        outgoing
          .writeHead(502, { 'content-type': 'application/json' })
          .end(JSON.stringify({ success: false, error_type: 'proxy.upstream-error', message }));
        violations.push({ method, url, status: 502, route: '(none)', schema: '(none)', errors: [message] });
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    violations: () => [...violations],
    validated: () => validated,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
