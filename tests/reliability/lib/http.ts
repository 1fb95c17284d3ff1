import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

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

/**
 * Writes raw bytes on a fresh connection (malformed HTTP that no client library would send) and
 * returns whatever came back before the server closed the connection or `waitMs` passed.
 */
export function sendRaw(baseUrl: string, bytes: string | Buffer, waitMs = 1_000, endAfterWrite = false): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A complete answer is enough: the server may keep the connection open for the next request.
      const answer = parseRawAnswer(Buffer.concat(chunks).toString('latin1'));
      if (answer && Buffer.byteLength(answer.text) >= Number(answer.headers['content-length'] ?? Infinity)) done();
    });
    socket.on('close', done);
    socket.on('error', done);
    socket.on('connect', () => {
      socket.write(bytes);
      if (endAfterWrite) socket.end();
    });
  });
}

/** Splits a raw HTTP/1.1 answer into status, headers and body (the first answer on the connection). */
export function parseRawAnswer(raw: string): HttpAnswer | null {
  const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(raw);
  if (!match) return null;
  const headers: IncomingHttpHeaders = {};
  for (const line of match[2]!.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length']);
  const body = Number.isFinite(length) ? Buffer.from(match[3]!, 'latin1').subarray(0, length).toString('utf8') : match[3]!;
  return { status: Number(match[1]), headers, text: body };
}
