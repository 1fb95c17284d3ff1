import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from './common.ts';

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
      },
      { description: 'The transaction as it was when the event fired (includes invoice_id)' },
    ),
    sandbox: Type.Boolean(),
    fired_at: Type.String(),
  },
  { $id: 'Event' },
);
export type StoredEvent = Omit<Static<typeof Event>, 'data'> & { data: { name: string; sandbox: boolean; transaction: unknown } };

export const Webhook = Type.Object(
  {
    id: Type.String(),
    project_id: Type.String(),
    event_id: Type.String(),
    request_url: Type.String(),
    request_method: Type.String(),
    attempt: Type.Integer({ description: '1 for the first delivery, then one per retry' }),
    status: Type.String({ description: 'pending (scheduled), delivered or failed' }),
    response_code: Nullable(Type.Integer()),
    response_body: Nullable(Type.String()),
    response_time_ms: Nullable(Type.Integer()),
    error_message: Nullable(Type.String({ description: 'Network error, timeout, or why delivery stopped' })),
    created_at: Type.String(),
    release_at: Type.String({ description: 'When this attempt is (or was) due' }),
  },
  { $id: 'Webhook' },
);
export type Webhook = Static<typeof Webhook>;
