import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

// The ProcessOut.js stand-in (processout-js/processout.js): what a page loads instead of
// https://js.processout.com/processout.js when it pays against this sandbox.
const SCRIPT = readFileSync(new URL('../processout-js/processout.js', import.meta.url), 'utf8');
const ETAG = `"${createHash('sha256').update(SCRIPT).digest('base64url').slice(0, 27)}"`;

export const PROCESSOUT_JS_PATH = '/processout.js';

export const processOutJsRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    PROCESSOUT_JS_PATH,
    {
      schema: {
        summary: 'Local stand-in for https://js.processout.com/processout.js',
        description:
          'The ProcessOut.js subset the docs use (client, fetchGatewayConfigurations, hookForInvoice, handleInvoiceAction, ' +
          'getInvoiceActionURL, handleAction), calling this sandbox instead of api./checkout.processout.com.',
        tags: ['ProcessOut.js'],
        // No credentials: a page loads the script before it knows any.
        security: [],
      },
    },
    async (request, reply) => {
      reply.headers({
        'content-type': 'text/javascript; charset=utf-8',
        // Cacheable, revalidated after five minutes: a restarted sandbox may serve a newer script.
        'cache-control': 'public, max-age=300',
        etag: ETAG,
        // Pages on any origin load it, including those that require CORP (COEP: require-corp).
        'cross-origin-resource-policy': 'cross-origin',
      });
      if (request.headers['if-none-match'] === ETAG) return reply.code(304).send();
      return reply.send(SCRIPT);
    },
  );

  /**
   * ProcessOut.js reports events (e.g. a canceled payment) to POST /telemetry on the API host and ignores the
   * answer. The sandbox accepts any body and keeps nothing, so the real library gets no 404 from it.
   */
  app.post(
    '/telemetry',
    { schema: { summary: 'Accept ProcessOut.js telemetry (ignored)', tags: ['ProcessOut.js'], security: [] } },
    async () => ({ success: true }),
  );
};
