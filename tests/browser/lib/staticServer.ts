import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types for what a Docusaurus build emits; anything else is served as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Types a CDN would compress. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg\+xml)/;

export interface ServeOptions {
  /**
   * Gzip text responses when the client accepts it, as any production host does. Lighthouse scores
   * transfer sizes, so it needs this; tests that only check behaviour do not.
   */
  readonly gzip?: boolean;
}

export interface StaticSite {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Where a request path lives in the build, resolved the way `docusaurus serve` does with
 * `trailingSlash: false`: `/a` is `a.html` (or `a/index.html`), `/` is `index.html`.
 */
async function resolveFile(root: string, pathname: string): Promise<string | null> {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const base = path.join(root, relative);
  if (!base.startsWith(root)) return null;
  const candidates = pathname.endsWith('/') ? [path.join(base, 'index.html')] : [base, `${base}.html`, path.join(base, 'index.html')];
  for (const candidate of candidates) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

/** Serves a static build directory on a free loopback port; unknown paths get the site's 404 page. */
export async function serveStatic(rootDir: string, options: ServeOptions = {}): Promise<StaticSite> {
  const root = path.resolve(rootDir);
  const gzipped = new Map<string, Buffer>();

  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = await resolveFile(root, pathname);
    const body = file ?? path.join(root, '404.html');
    if (!(await isFile(body))) {
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.txt'] }).end('Not found');
      return;
    }
    const contentType = CONTENT_TYPES[path.extname(body)] ?? 'application/octet-stream';
    const headers: OutgoingHttpHeaders = { 'content-type': contentType, 'cache-control': 'no-cache' };
    const status = file ? 200 : 404;
    if (options.gzip && COMPRESSIBLE.test(contentType) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      let compressed = gzipped.get(body);
      if (!compressed) {
        compressed = gzipSync(await readFile(body), { level: 9 });
        gzipped.set(body, compressed);
      }
      response.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      response.end(request.method === 'HEAD' ? undefined : compressed);
      return;
    }
    response.writeHead(status, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(body).pipe(response);
  };

  const server: Server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy(error instanceof Error ? error : undefined);
      else response.writeHead(500, { 'content-type': CONTENT_TYPES['.txt'] }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
