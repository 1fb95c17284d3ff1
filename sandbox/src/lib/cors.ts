import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';

// Only the routes ProcessOut.js calls from a browser (with the project ID alone) get CORS, plus the
// OpenAPI document. Routes that need the secret key must be called from a server, so browsers are
// kept out of them.
const BROWSER_ROUTES = [/^\/gateway-configurations\/?$/, /^\/invoices\/[^/]+\/?$/, /^\/openapi\.json$/];

const BROWSER_CORS: FastifyCorsOptions = {
  origin: true,
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['Authorization', 'API-Version', 'Content-Type', 'Accept', 'x-processout-client-secret'],
  maxAge: 600,
  strictPreflight: false,
};

/**
 * The docs site's dev server and `npm run serve` (port 3000). Their "Try it" buttons send a sample's
 * request, secret key included, to this sandbox: only these origins may, and only on the routes those
 * samples call (the API root, invoice creation, the gateway configuration list).
 */
export const LOCAL_SITE_ORIGINS = ['http://127.0.0.1:3000', 'http://localhost:3000'] as const;
const TRY_IT_ROUTES = [/^\/$/, /^\/invoices\/?$/, /^\/gateway-configurations\/?$/];

const TRY_IT_CORS: FastifyCorsOptions = {
  origin: [...LOCAL_SITE_ORIGINS],
  methods: ['GET', 'POST'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
  maxAge: 600,
  strictPreflight: false,
};

export function corsFor(request: FastifyRequest): FastifyCorsOptions {
  const path = request.url.split('?')[0] ?? '';
  const origin = request.headers.origin ?? '';
  if ((LOCAL_SITE_ORIGINS as readonly string[]).includes(origin) && TRY_IT_ROUTES.some((route) => route.test(path))) return TRY_IT_CORS;
  return BROWSER_ROUTES.some((route) => route.test(path)) ? BROWSER_CORS : { origin: false, strictPreflight: false };
}
