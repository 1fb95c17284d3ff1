import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, StringMap } from './common.ts';

export const TransactionStatus = Type.Union(
  ['waiting', 'pending', 'authorized', 'completed', 'failed', 'voided', 'refunded'].map((s) => Type.Literal(s)),
);

export const Operation = Type.Object({
  id: Type.String(),
  transaction_id: Type.String(),
  type: Type.String({ description: 'request, authorization, capture, void or refund' }),
  amount: Type.String(),
  currency: Type.String(),
  is_attempt: Type.Boolean(),
  has_failed: Type.Boolean(),
  error_code: Nullable(Type.String()),
  error_message: Nullable(Type.String()),
  gateway_configuration_id: Nullable(Type.String()),
  created_at: Type.String(),
});

export const Transaction = Type.Object(
  {
    id: Type.String({ description: 'tr_…' }),
    project_id: Type.String(),
    invoice_id: Type.String(),
    customer_id: Nullable(Type.String()),
    name: Type.String(),
    amount: Type.String(),
    currency: Type.String(),
    status: Type.String({ description: 'waiting, pending, authorized, completed, failed, voided or refunded (all of it refunded)' }),
    authorized: Type.Boolean(),
    captured: Type.Boolean(),
    voided: Type.Boolean(),
    refunded: Type.Boolean({ description: 'true once the whole captured amount is refunded' }),
    chargedback: Type.Boolean(),
    authorized_amount: Type.String(),
    captured_amount: Type.String(),
    available_amount: Type.String(),
    refunded_amount: Type.String(),
    attempts_count: Type.Integer(),
    error_code: Nullable(Type.String()),
    error_message: Nullable(Type.String()),
    gateway_name: Nullable(Type.String()),
    gateway_configuration_id: Nullable(Type.String()),
    payment_type: Nullable(Type.String()),
    metadata: StringMap,
    sandbox: Type.Boolean(),
    operations: Type.Array(Operation),
    created_at: Type.String(),
    authorized_at: Nullable(Type.String()),
    captured_at: Nullable(Type.String()),
    voided_at: Nullable(Type.String()),
  },
  { $id: 'Transaction' },
);
export type Transaction = Static<typeof Transaction>;
export type Operation = Static<typeof Operation>;

export const PaymentBody = Type.Object({
  source: Type.String({ minLength: 1, description: 'gway_req_… token returned by the test checkout' }),
  capture_amount: Type.Optional(Type.String({ format: 'decimal-amount' })),
  authorize_only: Type.Optional(Type.Boolean({ description: 'capture only: stop after the authorization' })),
  metadata: Type.Optional(StringMap),
  synchronous: Type.Optional(Type.Boolean()),
  save_source: Type.Optional(Type.Boolean()),
  auto_capture_at: Type.Optional(Type.String()),
});
export type PaymentBody = Static<typeof PaymentBody>;

export const RefundReason = Type.Union([
  Type.Literal('customer_request'),
  Type.Literal('duplicate'),
  Type.Literal('fraud'),
  Type.Literal('other'),
]);

export const RefundBody = Type.Object({
  amount: Type.String({ format: 'decimal-amount', description: 'Decimal string in major units; at most what is still refundable' }),
  reason: Type.Optional(RefundReason),
  information: Type.Optional(Type.String({ maxLength: 1000 })),
  metadata: Type.Optional(StringMap),
});
export type RefundBody = Static<typeof RefundBody>;

export const Refund = Type.Object(
  {
    id: Type.String({ description: 'refd_…' }),
    project_id: Type.String(),
    transaction_id: Type.String(),
    amount: Type.String(),
    currency: Type.String(),
    reason: Type.String(),
    information: Type.String(),
    has_failed: Type.Boolean(),
    metadata: StringMap,
    sandbox: Type.Boolean(),
    created_at: Type.String(),
    invoice_detail_ids: Nullable(Type.Array(Type.String())),
  },
  { description: 'A refund of (part of) a captured transaction' },
);
export type Refund = Static<typeof Refund>;

export const TransactionEnvelope = Type.Object({ success: Type.Literal(true), transaction: Type.Ref('Transaction') });

/**
 * What the customer still has to do before the payment can go on (a redirect, a native APM step). A
 * gway_req_ token means the customer already approved at the provider, so the sandbox never asks for
 * one: the object is empty, never null nor absent. Python SDK 7.x reads body["customer_action"]
 * unconditionally and the Node SDK never settles on null; {} decodes in all five official SDKs
 * (shared/reference/sdk/decoding/decoding.md).
 */
export const CustomerAction = Type.Object({
  type: Type.Optional(Type.String()),
  value: Type.Optional(Type.String()),
  metadata: Type.Optional(StringMap),
});
export type CustomerAction = Static<typeof CustomerAction>;
export const NO_CUSTOMER_ACTION: CustomerAction = Object.freeze({});

/** Answer of POST /invoices/{id}/authorize and /capture. */
export const PaymentEnvelope = Type.Object({
  success: Type.Literal(true),
  transaction: Type.Ref('Transaction'),
  customer_action: CustomerAction,
});
