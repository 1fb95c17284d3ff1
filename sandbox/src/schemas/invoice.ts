import { Type, type Static, type TStringOptions } from '@fastify/type-provider-typebox';
import { Nullable, PassThrough, StringMap } from './common.ts';

const InvoiceDetail = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    amount: Type.String({ format: 'decimal-amount' }),
    discount_amount: Type.Optional(Type.String({ format: 'decimal-amount' })),
    quantity: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  },
  { additionalProperties: true },
);

const optionalString = (options: TStringOptions = {}) => Type.Optional(Type.String(options));

export const InvoiceCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80, description: 'Required; max 80 characters' }),
  amount: Type.String({ format: 'decimal-amount', description: 'Decimal string in major units, e.g. "9.99"' }),
  currency: Type.String({ format: 'iso4217', description: 'ISO 4217 code, e.g. USD' }),
  return_url: optionalString({ format: 'return-url', description: 'http(s) URL or app deep link (app.id://…)' }),
  cancel_url: optionalString({ format: 'return-url' }),
  webhook_url: optionalString({ format: 'web-url', description: 'Receives {event_id, event_type} POSTs' }),
  metadata: Type.Optional(StringMap),
  customer_id: optionalString(),
  order_id: optionalString(),
  reference_id: optionalString(),
  statement_descriptor: optionalString({ maxLength: 22 }),
  details: Type.Optional(Type.Array(InvoiceDetail)),
  require_backend_capture: Type.Optional(Type.Boolean()),
  verification: Type.Optional(Type.Boolean()),
  incremental: Type.Optional(Type.Boolean()),
  expires_at: optionalString(),
  auto_capture_at: optionalString(),
  initiation_type: optionalString(),
  payment_intent: optionalString(),
  merchant_initiator_type: optionalString(),
  payment_type: optionalString(),
  shipping: Type.Optional(PassThrough),
  billing: Type.Optional(PassThrough),
  device: Type.Optional(PassThrough),
  risk: Type.Optional(PassThrough),
  tax: Type.Optional(PassThrough),
  gateway_data: Type.Optional(PassThrough),
});
export type InvoiceCreateBody = Static<typeof InvoiceCreateBody>;

export const Invoice = Type.Object(
  {
    id: Type.String({ description: 'iv_…' }),
    project_id: Type.String(),
    transaction_id: Type.String(),
    customer_id: Nullable(Type.String()),
    token_id: Nullable(Type.String()),
    subscription_id: Nullable(Type.String()),
    name: Type.String(),
    amount: Type.String(),
    currency: Type.String(),
    metadata: StringMap,
    details: Type.Array(PassThrough),
    order_id: Nullable(Type.String()),
    reference_id: Nullable(Type.String()),
    statement_descriptor: Nullable(Type.String()),
    return_url: Nullable(Type.String()),
    cancel_url: Nullable(Type.String()),
    webhook_url: Nullable(Type.String()),
    require_backend_capture: Nullable(Type.Boolean()),
    verification: Nullable(Type.Boolean()),
    incremental: Nullable(Type.Boolean()),
    initiation_type: Nullable(Type.String()),
    payment_intent: Nullable(Type.String()),
    merchant_initiator_type: Nullable(Type.String()),
    payment_type: Nullable(Type.String()),
    shipping: Nullable(PassThrough),
    billing: Nullable(PassThrough),
    device: Nullable(PassThrough),
    risk: Nullable(PassThrough),
    tax: Nullable(PassThrough),
    gateway_data: PassThrough,
    sandbox: Type.Boolean(),
    url: Type.String({ description: 'Hosted checkout page of this sandbox' }),
    created_at: Type.String(),
    expires_at: Nullable(Type.String()),
    auto_capture_at: Nullable(Type.String()),
    transaction: Type.Optional(Type.Ref('Transaction')),
  },
  { $id: 'Invoice' },
);
export type Invoice = Static<typeof Invoice>;
/** What the store keeps: everything but `url`, which depends on the host the request came to. */
export type StoredInvoice = Omit<Invoice, 'url' | 'transaction'>;

export const InvoiceEnvelope = Type.Object({ success: Type.Literal(true), invoice: Type.Ref('Invoice') });
