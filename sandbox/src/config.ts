import type { Project } from './store/store.ts';
import type { Store } from './store/store.ts';

/** Webhook retry schedule: attempt n (n ≥ 2) waits baseMs × factor^(n-2), ± jitter. */
export interface WebhookRetryOptions {
  /** Delay before the first retry. */
  baseMs: number;
  /** Growth per retry; Euler's number like the real API. */
  factor: number;
  /** Total attempts including the first one (the real API: 1 + at least 12 retries). */
  maxAttempts: number;
  /** No retry is scheduled later than this after the first attempt. */
  retryWindowMs: number;
  /** Random spread, 0–1 (0.2 = ±20 %). The real backoff is "partially non-deterministic". */
  jitter: number;
  /** Per-attempt HTTP timeout. */
  timeoutMs: number;
}

// With baseMs 2 s and factor e, 13 attempts span ≈ 2.2 days, close to the real "12 retries over 3 days".
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryOptions = {
  baseMs: 2_000,
  factor: Math.E,
  maxAttempts: 13,
  retryWindowMs: 3 * 24 * 60 * 60 * 1000,
  jitter: 0.2,
  timeoutMs: 10_000,
};

export interface SandboxOptions {
  /** SQLite file; ':memory:' (default) keeps everything in memory. Ignored when `store` is given. */
  dbPath?: string;
  /** An already open store (tests that restart an app on the same database). */
  store?: Store;
  /** Project-level webhook endpoint: receives every event, like a Dashboard-configured endpoint. */
  webhookUrl?: string;
  /** How long a `pending` payment stays pending before it completes. Default 5000 ms. */
  pendingDelayMs?: number;
  webhookRetry?: Partial<WebhookRetryOptions>;
  /** More sandbox projects besides the demo one (ids `test-proj_…`, secrets `key_sandbox_…`). */
  extraProjects?: Project[];
  /** Base URL used in links the API returns (invoice.url, logo_url). Default: the request's own host. */
  publicUrl?: string;
  /** Receives one readable line per request (method, path, status, ms, error_type). */
  requestLog?: (line: string) => void;
  /** Largest accepted request body in bytes (default 1 MiB); bigger bodies get a JSON 413. */
  bodyLimit?: number;
}

export interface ResolvedConfig {
  webhookUrl: string | null;
  pendingDelayMs: number;
  webhookRetry: WebhookRetryOptions;
  publicUrl: string | null;
}

export function resolveConfig(options: SandboxOptions): ResolvedConfig {
  return {
    webhookUrl: options.webhookUrl ?? null,
    pendingDelayMs: options.pendingDelayMs ?? 5_000,
    webhookRetry: { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
    publicUrl: options.publicUrl?.replace(/\/+$/, '') ?? null,
  };
}
