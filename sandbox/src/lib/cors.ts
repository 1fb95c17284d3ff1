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

export function corsFor(request: FastifyRequest): FastifyCorsOptions {
  const path = request.url.split('?')[0] ?? '';
  return BROWSER_ROUTES.some((route) => route.test(path)) ? BROWSER_CORS : { origin: false, strictPreflight: false };
}
