import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { publicOrigin } from '../plugins/hosts.ts';
import { errorResponses, Nullable } from '../schemas/common.ts';
import { CHECKOUT_OUTCOMES, completeCheckout } from '../services/checkout-flow.ts';
import { InvoiceParams } from './invoices.ts';

export const sandboxControlRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/_sandbox/invoices/:invoice_id/complete',
    {
      config: { auth: 'secret', idempotent: true },
      schema: {
        summary: 'Sandbox only: play the test checkout without a browser',
        description:
          'Runs exactly what the checkout page buttons do and returns what the browser would have received: ' +
          'the gway_req_ token for approve/pending, the error code for decline/cancel, and the redirect URL.',
        operationId: 'sandbox-complete-checkout',
        tags: ['Sandbox'],
        params: InvoiceParams,
        body: Type.Object({
          gateway_configuration_id: Type.String({ minLength: 1 }),
          outcome: Type.Union(CHECKOUT_OUTCOMES.map((o) => Type.Literal(o))),
        }),
        response: {
          200: Type.Object({
            success: Type.Literal(true),
            outcome: Type.String(),
            token: Type.Optional(Type.String()),
            error_code: Type.Optional(Type.String()),
            redirect_url: Nullable(Type.String()),
            message: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => {
      const result = completeCheckout(app.services, {
        projectId: request.project.id,
        invoiceId: request.params.invoice_id,
        gatewayConfigurationId: request.body.gateway_configuration_id,
        outcome: request.body.outcome,
        origin: publicOrigin(request),
      });
      return {
        success: true as const,
        outcome: result.outcome,
        ...(result.token ? { token: result.token } : {}),
        ...(result.errorCode ? { error_code: result.errorCode } : {}),
        redirect_url: result.redirectUrl,
        message: result.message,
      };
    },
  );
};
