import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from './common.ts';
import { Refund } from './transaction.ts';

export const Event = Type.Object(
  {
    id: Type.String({ description: 'ev_…' }),
    project_id: Type.String(),
    name: Type.String({ description: 'e.g. transaction.captured' }),
    data: Type.Object(
      {
        name: Type.String(),
        sandbox: Type.Boolean(),
        transaction: Type.Ref('Transaction'),
        refund: Type.Optional(Refund),
      },
      { description: 'The transaction as it was when the event fired (includes invoice_id); transaction.refunded adds the refund' },
    ),
    sandbox: Type.Boolean(),
    fired_at: Type.String(),
    webhooks: Type.Array(Type.Ref('Webhook'), {
      description: 'Delivery attempts of this event so far (as GET /events/{id}/webhooks lists them)',
    }),
  },
  { $id: 'Event' },
);
/** What the store keeps: the event without its delivery log, which is read when the event is. */
export type StoredEvent = Omit<Static<typeof Event>, 'data' | 'webhooks'> & {
  data: { name: string; sandbox: boolean; transaction: unknown; refund?: unknown };
};

export const Webhook = Type.Object(
  {
    id: Type.String(),
    project_id: Type.String(),
    event_id: Type.String(),
    request_url: Type.String(),
    request_method: Type.String(),
    attempt: Type.Integer({ description: '1 for the first delivery, then one per retry' }),
    status: Type.String({ description: 'pending (scheduled), delivered or failed' }),
    // A string in the API: the Go SDK decodes Webhook.response_code into a *string.
    response_code: Nullable(Type.String({ description: 'HTTP status the endpoint answered, e.g. "200"' })),
    response_body: Nullable(Type.String({ description: 'First 2000 characters of the answer' })),
    response_headers: Nullable(Type.String({ description: 'The answer\'s headers, one "name: value" per line (first 2000 characters)' })),
    response_time_ms: Nullable(Type.Integer()),
    error_message: Nullable(Type.String({ description: 'Network error, timeout, or why delivery stopped' })),
    created_at: Type.String(),
    release_at: Type.String({ description: 'When this attempt is (or was) due' }),
  },
  { $id: 'Webhook' },
);
export type Webhook = Static<typeof Webhook>;
