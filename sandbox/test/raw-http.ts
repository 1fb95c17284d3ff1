import { connect } from 'node:net';

export interface RawAnswer {
  /** Everything the server sent until it closed the connection (or the wait ran out). */
  raw: string;
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, or undefined. */
  json: any;
  /** The server closed the connection (rather than the wait running out). */
  closed: boolean;
  ms: number;
}

function parse(raw: string, closed: boolean, ms: number): RawAnswer {
  const headEnd = raw.indexOf('\r\n\r\n');
  const head = headEnd < 0 ? raw : raw.slice(0, headEnd);
  const body = headEnd < 0 ? '' : raw.slice(headEnd + 4);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { raw, status: status ? Number(status) : null, headers, body, json, closed, ms };
}

/**
 * Sends `parts` over a plain TCP connection to `host` (127.0.0.1):`port`, waiting `gapMs` between parts, and
 * collects the answer until the server closes or `waitMs` passes. For requests fetch cannot send.
 */
export function rawRequest(port: number, parts: string | string[], options: { gapMs?: number; waitMs?: number; host?: string } = {}): Promise<RawAnswer> {
  const chunks = typeof parts === 'string' ? [parts] : parts;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(port, options.host ?? '127.0.0.1');
    let raw = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      clearTimeout(deadline);
      socket.destroy();
      resolve(parse(raw, closed, Date.now() - started));
    };
    const deadline = setTimeout(() => finish(false), options.waitMs ?? 3_000);
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (raw += data));
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? finish(true) : reject(error)));
    let next = 0;
    const sendNext = () => {
      if (socket.destroyed || next >= chunks.length) return;
      socket.write(chunks[next++]!);
      if (next < chunks.length) timer = setTimeout(sendNext, options.gapMs ?? 0);
    };
    socket.on('connect', sendNext);
  });
}
