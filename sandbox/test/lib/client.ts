import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { DEMO_PROJECT } from '@apm-docs/sandbox';

// The one HTTP client of the sandbox tests, in three depths: `apiClient` calls the API as an
// integrator does (fetch); `send` is one request over node:http when a test needs the socket
// (keep-alive agents, aborts mid-request); `rawRequest` writes bytes no client library would send.

export function basicAuth(projectId: string, secret: string): string {
  return `Basic ${Buffer.from(`${projectId}:${secret}`).toString('base64')}`;
}

export const DEMO_AUTH = basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret);
/** The project ID alone, as ProcessOut.js authenticates. */
export const PUBLIC_AUTH = basicAuth(DEMO_PROJECT.id, '');

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Response bodies are checked field by field in tests.
  body: any;
  text: string;
}

export interface RequestOptions {
  auth?: string | null;
  form?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/**
 * The sandbox API over fetch: JSON or form bodies, demo credentials by default. `baseUrl` may be a
 * function, for a sandbox that a `beforeAll` starts later (`useTestSandbox`).
 */
export function apiClient(baseUrl: string | (() => string), defaultAuth: string | null = DEMO_AUTH) {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  async function request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth === undefined ? defaultAuth : options.auth;
    if (auth) headers.authorization = auth;
    let body: string | undefined;
    if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = options.form;
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${base()}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }
  return {
    request,
    get: (path: string, options?: RequestOptions) => request('GET', path, options),
    post: (path: string, json: unknown = {}, options?: RequestOptions) => request('POST', path, { json, ...options }),
    postForm: (path: string, form: string, options?: RequestOptions) => request('POST', path, { form, ...options }),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface HttpCall {
  method: string;
  /** Path and query. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: Agent;
  /** Abort the request this many ms after it was sent (simulates a client timeout). */
  abortAfterMs?: number;
  timeoutMs?: number;
}

/** One HTTP request over a real socket; rejects on network errors and aborts. */
export function send(baseUrl: string, call: HttpCall): Promise<HttpAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers = { ...call.headers };
    if (call.body !== undefined) headers['content-length'] = String(Buffer.byteLength(call.body));
    const req = httpRequest({ host: hostname, port, method: call.method, path: call.url, headers, agent: call.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(call.timeoutMs ?? 15_000, () => req.destroy(new Error('client timeout')));
    if (call.abortAfterMs !== undefined) setTimeout(() => req.destroy(new Error('client aborted')), call.abortAfterMs);
    req.end(call.body);
  });
}

export interface RawAnswer {
  /** Everything the server sent until it closed the connection (or the wait ran out). */
  raw: string;
  /** Status of the first answer; null when nothing that reads as HTTP came back. */
  status: number | null;
  headers: Record<string, string>;
  /** The first answer's body (up to its Content-Length, when it has one). */
  body: string;
  /** The body parsed as JSON, or undefined. */
  json: any;
  /** The server closed the connection (rather than the wait running out). */
  closed: boolean;
  ms: number;
}

function parseRaw(raw: string, closed: boolean, ms: number): RawAnswer {
  const headEnd = raw.indexOf('\r\n\r\n');
  const head = headEnd < 0 ? raw : raw.slice(0, headEnd);
  const rest = headEnd < 0 ? '' : raw.slice(headEnd + 4);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  // The socket is read as latin1 (one char per byte), so Content-Length counts characters here.
  const length = Number(headers['content-length']);
  const bytes = Number.isFinite(length) && headers['content-length'] !== undefined ? rest.slice(0, length) : rest;
  const body = Buffer.from(bytes, 'latin1').toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { raw, status: status ? Number(status) : null, headers, body, json, closed, ms };
}

/** A whole first answer has arrived: its head and, when it says how long it is, its body. */
function answerComplete(raw: string): boolean {
  const answer = parseRaw(raw, false, 0);
  if (answer.status === null || !raw.includes('\r\n\r\n')) return false;
  const length = Number(answer.headers['content-length'] ?? Number.NaN);
  return Number.isFinite(length) && raw.length - raw.indexOf('\r\n\r\n') - 4 >= length;
}

export interface RawOptions {
  /** Pause between `parts` (slow clients). */
  gapMs?: number;
  /** Give up waiting after this long (default 3 s). */
  waitMs?: number;
  host?: string;
  /** Half-close the connection after the last part (a client that sent all it will send). */
  endAfterWrite?: boolean;
  /** Stop at the first complete answer instead of waiting for the server to close. */
  untilAnswer?: boolean;
}

/**
 * Sends `parts` over a plain TCP connection to `host` (127.0.0.1):`port`, waiting `gapMs` between
 * parts, and collects the answer until the server closes or `waitMs` passes. For requests fetch cannot send.
 */
export function rawRequest(port: number, parts: string | Buffer | (string | Buffer)[], options: RawOptions = {}): Promise<RawAnswer> {
  const chunks = Array.isArray(parts) ? parts : [parts];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(port, options.host ?? '127.0.0.1');
    let raw = '';
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(deadline);
      socket.destroy();
      resolve(parseRaw(raw, closed, Date.now() - started));
    };
    const deadline = setTimeout(() => finish(false), options.waitMs ?? 3_000);
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => {
      raw += data;
      if (options.untilAnswer && answerComplete(raw)) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? finish(true) : reject(error),
    );
    let next = 0;
    const sendNext = () => {
      if (socket.destroyed || next >= chunks.length) return;
      socket.write(chunks[next++]!);
      if (next < chunks.length) timer = setTimeout(sendNext, options.gapMs ?? 0);
      else if (options.endAfterWrite) socket.end();
    };
    socket.on('connect', sendNext);
  });
}
