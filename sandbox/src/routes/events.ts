import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { notFound } from '../lib/errors.ts';
import { errorResponses, ListQuery, pageSize } from '../schemas/common.ts';

export const EventParams = Type.Object({ event_id: Type.String({ description: 'ev_…' }) });

export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app;

  app.get(
    '/events',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'List events, newest first',
        operationId: 'list-events',
        tags: ['Events'],
        querystring: ListQuery,
        response: {
          200: Type.Object({ success: Type.Literal(true), events: Type.Array(Type.Ref('Event')), has_more: Type.Boolean() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit, order, start_after: startAfter, end_before: endBefore } = request.query;
      const page = store.listEvents(request.project.id, { limit: pageSize(limit), order: order ?? 'desc', startAfter, endBefore });
      return { success: true as const, events: page.items, has_more: page.hasMore };
    },
  );

  app.get(
    '/events/:event_id',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'Fetch an event (what a webhook receiver calls to trust a notification)',
        operationId: 'fetching-an-event',
        tags: ['Events'],
        params: EventParams,
        response: { 200: Type.Object({ success: Type.Literal(true), event: Type.Ref('Event') }), ...errorResponses },
      },
    },
    async (request) => {
      const event = store.findEvent(request.project.id, request.params.event_id);
      if (!event) throw notFound('event', request.params.event_id);
      return { success: true as const, event };
    },
  );
};
