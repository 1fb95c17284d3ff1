import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';

// Only the routes ProcessOut.js calls from a browser (with the project ID alone) get CORS, plus the
// OpenAPI document. Routes that need the secret key must be called from a server, so browsers are
// kept out of them.
const BROWSER_ROUTES = [/^\/gateway-configurations\/?$/, /^\/invoices\/[^/]+\/?$/, /^\/openapi\.json$/, /^\/processout\.js$/];

/** Every header ProcessOut.js sends: X-ProcessOut-JS-Version on every call, Content-Type even on GET. */
const PROCESSOUT_JS_HEADERS = [
  'Authorization',
  'API-Version',
  'Content-Type',
  'Accept',
  'X-ProcessOut-JS-Version',
  'x-processout-client-secret',
];

const BROWSER_CORS: FastifyCorsOptions = {
  origin: true,
  methods: ['GET', 'HEAD'],
  allowedHeaders: PROCESSOUT_JS_HEADERS,
  maxAge: 600,
  strictPreflight: false,
};

/** ProcessOut.js's telemetry: POSTed from any page, and ignored (routes/processout-js.ts). */
const TELEMETRY_ROUTE = /^\/telemetry\/?$/;
const TELEMETRY_CORS: FastifyCorsOptions = { ...BROWSER_CORS, methods: ['POST'] };

/**
 * The docs site's "Try it" buttons send a sample's request, secret key included, to this sandbox: only
 * the site's origins (the `siteOrigins` option, `--site-origin`) may, and only on the routes those
 * samples call (the API root, invoice creation, the gateway configuration list).
 */
const TRY_IT_ROUTES = [/^\/$/, /^\/invoices\/?$/, /^\/gateway-configurations\/?$/];

const TRY_IT_CORS: FastifyCorsOptions = {
  origin: true, // corsFor picks these options only for a site origin
  methods: ['GET', 'POST'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
  maxAge: 600,
  strictPreflight: false,
};

const NO_CORS: FastifyCorsOptions = { origin: false, strictPreflight: false };

export function corsFor(request: FastifyRequest): FastifyCorsOptions {
  const origin = request.headers.origin;
  // Without an Origin header, every option set here adds only "Vary: Origin" (which NO_CORS adds too),
  // except to a preflight: most requests (servers, SDKs, curl) are answered without reading the path.
  if (origin === undefined && request.method !== 'OPTIONS') return NO_CORS;
  const path = request.url.split('?')[0] ?? '';
  if (origin !== undefined && request.server.sandboxConfig.siteOrigins.includes(origin) && TRY_IT_ROUTES.some((route) => route.test(path)))
    return TRY_IT_CORS;
  if (TELEMETRY_ROUTE.test(path)) return TELEMETRY_CORS;
  return BROWSER_ROUTES.some((route) => route.test(path)) ? BROWSER_CORS : NO_CORS;
}
