import { newId } from '../lib/ids.ts';
import type { StoredEvent } from '../schemas/event.ts';
import type { StoredInvoice } from '../schemas/invoice.ts';
import type { Transaction } from '../schemas/transaction.ts';
import type { ServiceContext } from './context.ts';
import { nowIso } from './clock.ts';

export type TransactionEventName =
  | 'transaction.authorized'
  | 'transaction.captured'
  | 'transaction.failed'
  | 'transaction.voided'
  | 'transaction.pending'
  | 'transaction.refunded';

/** Where an event is delivered: the invoice's webhook_url and the project endpoint (each once). */
export function webhookTargets(ctx: ServiceContext, projectId: string, invoiceWebhookUrl: string | null): string[] {
  return [...new Set([invoiceWebhookUrl, ctx.store.projectWebhookUrl(projectId)].filter((url): url is string => Boolean(url)))];
}

/**
 * Records an event for a transaction change and queues its webhook deliveries (the invoice's
 * webhook_url and the project endpoint). Call inside the store transaction that changed the
 * transaction, so the event and its deliveries exist exactly when the change does.
 */
export function recordTransactionEvent(
  ctx: ServiceContext,
  name: TransactionEventName,
  invoice: StoredInvoice,
  transaction: Transaction,
  /** More of what the event is about, e.g. `{ refund }` for transaction.refunded. */
  extraData: Record<string, unknown> = {},
): StoredEvent {
  const firedAt = nowIso();
  const event: StoredEvent = {
    id: newId('ev_'),
    project_id: transaction.project_id,
    name,
    data: { name, sandbox: true, transaction: structuredClone(transaction), ...structuredClone(extraData) },
    sandbox: true,
    fired_at: firedAt,
  };
  ctx.store.insertEvent(event);
  const urls = webhookTargets(ctx, transaction.project_id, invoice.webhook_url);
  const nowMs = Date.now();
  for (const url of urls) {
    ctx.store.insertWebhook({
      id: newId('wh_'),
      project_id: event.project_id,
      event_id: event.id,
      event_type: name,
      request_url: url,
      attempt: 1,
      status: 'pending',
      first_attempt_ms: nowMs,
      release_at_ms: nowMs,
      created_at: firedAt,
      response_code: null,
      response_body: null,
      response_headers: null,
      response_time_ms: null,
      error_message: null,
    });
  }
  return event;
}
