import { notFound } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { isWebUrl } from '../lib/urls.ts';
import type { Transaction } from '../schemas/transaction.ts';
import type { ServiceContext } from './context.ts';
import { webhookTargets } from './events.ts';

// What the sandbox dashboard's forms do (routes/dashboard.ts). Reads go straight to the store.

const MAX_WEBHOOK_URL_LENGTH = 2_000;

/**
 * Sets the project webhook endpoint, effective for the next event; an empty value removes it.
 * Returns what is wrong with the value (shown beside the field), or null once saved.
 */
export function setProjectWebhookUrl(ctx: ServiceContext, projectId: string, value: string): string | null {
  const url = value.trim();
  if (url.length > MAX_WEBHOOK_URL_LENGTH) return `The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.`;
  if (url !== '' && !isWebUrl(url)) {
    return 'Enter an absolute http:// or https:// URL (e.g. http://127.0.0.1:3001/webhooks/processout), or leave the field empty for none.';
  }
  ctx.store.setProjectWebhookUrl(projectId, url === '' ? null : url);
  return null;
}

/** Where "send again" delivers an event now: its invoice's webhook_url and the current project endpoint. */
export function resendTargets(ctx: ServiceContext, projectId: string, eventId: string): string[] {
  const event = ctx.store.findEvent(projectId, eventId);
  if (!event) throw notFound('event', eventId);
  const invoiceId = (event.data.transaction as Transaction).invoice_id;
  return webhookTargets(ctx, projectId, ctx.store.findInvoice(projectId, invoiceId)?.webhook_url ?? null);
}

/**
 * Delivers the event's webhook again, now, to each of its targets: a retry already queued is sent
 * now instead of later; otherwise a new attempt (numbered after the last one) is queued, due now.
 * Returns the URLs; failures are then retried as usual while attempts remain.
 */
export function sendEventAgain(ctx: ServiceContext, projectId: string, eventId: string): string[] {
  const urls = resendTargets(ctx, projectId, eventId);
  const event = ctx.store.findEvent(projectId, eventId)!;
  const nowMs = Date.now();
  ctx.store.transaction(() => {
    for (const url of urls) {
      const latest = ctx.store.latestWebhook(projectId, eventId, url);
      if (latest?.status === 'pending' && ctx.store.releaseWebhookNow(latest.id, nowMs)) continue;
      ctx.store.insertWebhook({
        id: newId('wh_'),
        project_id: projectId,
        event_id: eventId,
        event_type: event.name,
        request_url: url,
        attempt: (latest?.attempt ?? 0) + 1,
        status: 'pending',
        first_attempt_ms: nowMs,
        release_at_ms: nowMs,
        created_at: new Date(nowMs).toISOString(),
        response_code: null,
        response_body: null,
        response_headers: null,
        response_time_ms: null,
        error_message: null,
      });
    }
  });
  ctx.wake();
  return urls;
}

/** Deletes every invoice, payment, event and delivery of the project; its settings (webhook URL) stay. */
export function resetProject(ctx: ServiceContext, projectId: string): void {
  ctx.store.deleteProjectData(projectId);
}
