import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { ApiError, notFound } from '../lib/errors.ts';
import { errorResponses, ListQuery, pageSize } from '../schemas/common.ts';
import type { StoredEvent } from '../schemas/event.ts';

export const EventParams = Type.Object({ event_id: Type.String({ description: 'ev_…' }) });

export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app;
  const present = (event: StoredEvent) => ({ ...event, webhooks: store.listWebhooks(event.project_id, event.id) });

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
      return { success: true as const, events: page.items.map(present), has_more: page.hasMore };
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
      return { success: true as const, event: present(event) };
    },
  );

  app.get(
    '/events/by_resource_id/:resource_id',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'Events about a resource (transaction, invoice or refund id), newest first',
        description: "The Node SDK's Event.findByResourceId. An id with no events (unknown, or another project's) answers 404.",
        operationId: 'list-events-by-resource-id',
        tags: ['Events'],
        params: Type.Object({ resource_id: Type.String({ description: 'tr_…, iv_… or refd_…' }) }),
        response: { 200: Type.Object({ success: Type.Literal(true), events: Type.Array(Type.Ref('Event')) }), ...errorResponses },
      },
    },
    async (request) => {
      const events = store.listEventsByResource(request.project.id, request.params.resource_id);
      if (events.length === 0) throw new ApiError(404, 'resource.event.not-found', `No events about ${request.params.resource_id}.`);
      return { success: true as const, events: events.map(present) };
    },
  );
};
