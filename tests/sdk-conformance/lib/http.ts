// Raw HTTP for replaying what an SDK sent byte for byte: method, path, query and body as recorded,
// headers with the client's spelling. fetch() would normalise the URL and add headers of its own.
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface RawRequest {
  method: string;
  /** Path plus `?query` exactly as sent. */
  target: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent on the wire (possibly compressed). */
  raw: Buffer;
}

/** The body of an answer as text, undoing a Content-Encoding the client asked for (the SDKs send Accept-Encoding). */
export function decodedText(answer: Pick<RawAnswer, 'headers' | 'raw'>): string {
  switch (answer.headers['content-encoding']) {
    case 'gzip':
      return gunzipSync(answer.raw).toString('utf8');
    case 'deflate':
      return inflateSync(answer.raw).toString('utf8');
    case 'br':
      return brotliDecompressSync(answer.raw).toString('utf8');
    default:
      return answer.raw.toString('utf8');
  }
}

/** The answer's JSON, or undefined when it is not JSON (which fails every schema). */
export function decodedJson(answer: Pick<RawAnswer, 'headers' | 'raw'>): unknown {
  try {
    return JSON.parse(decodedText(answer));
  } catch {
    return undefined;
  }
}

export function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: raw.method,
        path: raw.target,
        // Node frames a GET body only with an explicit length; Go sends JSON bodies on GET (with one).
        headers: raw.body.length > 0 ? { ...raw.headers, 'Content-Length': raw.body.length } : raw.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, raw: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}
