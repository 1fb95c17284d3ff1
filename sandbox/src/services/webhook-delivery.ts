import type { WebhookRetryOptions } from '../config.ts';
import { newId } from '../lib/ids.ts';
import type { WebhookRow } from '../store/store.ts';
import type { ServiceContext } from './context.ts';

/** Characters of the endpoint's answer (body, and headers) the delivery log keeps. */
const MAX_LOGGED_BODY = 2_000;
const MAX_LOGGED_HEADERS = 2_000;

/**
 * Reads the answer only until MAX_LOGGED_BODY characters are kept, then hangs up: an endpoint that
 * answers megabytes costs no more than one that answers "ok".
 */
async function keptBody(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < MAX_LOGGED_BODY) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      text += decoder.decode(value, { stream: true });
    }
    return text.slice(0, MAX_LOGGED_BODY);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** `name: value` lines, as the delivery log's response_headers (a string in the API). */
function headerLines(headers: Headers): string {
  const lines: string[] = [];
  headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  return lines.join('\n').slice(0, MAX_LOGGED_HEADERS);
}

/** Delay before attempt `attempt + 1`: baseMs × factor^(attempt-1), spread by ± jitter. */
export function retryDelayMs(attempt: number, retry: WebhookRetryOptions, random: () => number = Math.random): number {
  const base = retry.baseMs * retry.factor ** (attempt - 1);
  return Math.round(base * (1 + retry.jitter * (2 * random() - 1)));
}

interface AttemptResult {
  ok: boolean;
  responseCode: number | null;
  responseBody: string | null;
  responseHeaders: string | null;
  responseTimeMs: number;
  errorMessage: string | null;
}

/** What every delivery attempt sends (the dashboard shows the same). */
export function webhookRequest(row: Pick<WebhookRow, 'event_id' | 'event_type'>): {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
} {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'ProcessOut-Sandbox-Webhooks/1.0' },
    body: JSON.stringify({ event_id: row.event_id, event_type: row.event_type }),
  };
}

async function post(row: WebhookRow, timeoutMs: number, stopSignal: AbortSignal): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // A plain timer rather than AbortSignal.any([AbortSignal.timeout(…), …]): on Node 20 the timeout
  // signal behind AbortSignal.any can be garbage-collected before it fires, and the attempt then
  // waits for a hung endpoint forever.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const stop = () => controller.abort(stopSignal.reason);
  stopSignal.addEventListener('abort', stop, { once: true });
  try {
    const response = await fetch(row.request_url, {
      ...webhookRequest(row),
      redirect: 'manual',
      signal: controller.signal,
    });
    const text = await keptBody(response);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      responseCode: response.status,
      responseBody: text,
      responseHeaders: headerLines(response.headers),
      responseTimeMs: elapsed(),
      errorMessage: ok ? null : `The endpoint answered HTTP ${response.status}; only 2xx counts as delivered.`,
    };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    const reason = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.message);
    return {
      ok: false,
      responseCode: null,
      responseBody: null,
      responseHeaders: null,
      responseTimeMs: elapsed(),
      errorMessage: `Request failed: ${reason}`,
    };
  } finally {
    clearTimeout(timer);
    stopSignal.removeEventListener('abort', stop);
  }
}

/**
 * Sends one delivery attempt, logs its result and, when it failed, queues the next attempt —
 * unless attempts or the retry window are used up, in which case the attempt stays `failed` for good.
 * Returns false when the sandbox stopped mid-flight (the row stays claimed and is re-sent on restart).
 */
export async function deliverWebhook(
  { store, config }: Omit<ServiceContext, 'wake'>,
  row: WebhookRow,
  stopSignal: AbortSignal,
): Promise<boolean> {
  const retry = config.webhookRetry;
  const result = await post(row, retry.timeoutMs, stopSignal);
  if (stopSignal.aborted) return false;
  store.transaction(() => {
    let errorMessage = result.errorMessage;
    if (!result.ok) {
      const releaseAt = Date.now() + retryDelayMs(row.attempt, retry);
      const canRetry = row.attempt < retry.maxAttempts && releaseAt - row.first_attempt_ms <= retry.retryWindowMs;
      if (canRetry) {
        store.insertWebhook({
          ...row,
          id: newId('wh_'),
          attempt: row.attempt + 1,
          status: 'pending',
          release_at_ms: releaseAt,
          created_at: new Date().toISOString(),
          response_code: null,
          response_body: null,
          response_headers: null,
          response_time_ms: null,
          error_message: null,
        });
      } else {
        errorMessage = `${errorMessage} No more retries after ${row.attempt} attempt(s).`;
      }
    }
    store.finishWebhook(row.id, {
      status: result.ok ? 'delivered' : 'failed',
      response_code: result.responseCode,
      response_body: result.responseBody,
      response_headers: result.responseHeaders,
      response_time_ms: result.responseTimeMs,
      error_message: errorMessage,
    });
  });
  return true;
}
