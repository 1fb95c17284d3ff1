import type { FastifyRequest } from 'fastify';

/** The base URL clients reached this sandbox on (or the configured public URL), without trailing slash. */
export function publicOrigin(request: FastifyRequest): string {
  return request.server.sandboxConfig.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function absoluteUrl(origin: string, path: string | null): string | null {
  return path === null ? null : new URL(path, `${origin}/`).toString();
}
