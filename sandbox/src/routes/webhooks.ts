import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { notFound } from '../lib/errors.ts';
import { errorResponses } from '../schemas/common.ts';
import { EventParams } from './events.ts';

export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app;

  app.get(
    '/events/:event_id/webhooks',
    {
      config: { auth: 'secret' },
      schema: {
        summary: "An event's webhook delivery log: one entry per attempt, retries included",
        operationId: 'list-event-webhooks',
        tags: ['Events'],
        params: EventParams,
        response: {
          200: Type.Object({ success: Type.Literal(true), webhooks: Type.Array(Type.Ref('Webhook')) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { event_id: eventId } = request.params;
      if (!store.findEvent(request.project.id, eventId)) throw notFound('event', eventId);
      return { success: true as const, webhooks: store.listWebhooks(request.project.id, eventId) };
    },
  );
};
