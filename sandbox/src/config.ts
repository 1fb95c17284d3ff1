import { normaliseHostname } from './plugins/hosts.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './plugins/rate-limit.ts';
import { parsePublicUrl } from './lib/public-url.ts';
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
  /**
   * Origin used in links the API returns (invoice.url, logo_url), e.g. `https://sandbox.example`;
   * its host is also served (see plugins/hosts.ts). Default: the scheme and host the request came to.
   */
  publicUrl?: string;
  /** Host names clients may use besides loopback ones, the public URL's and the listening address. */
  allowedHosts?: string[];
  /**
   * Origins of a docs site whose "Try it" buttons may send a sample's request, secret key included,
   * to this sandbox from the browser (CORS on the routes those samples call; plugins/cors.ts). The
   * site passes its own origins (`npm run sandbox` does); default none.
   */
  siteOrigins?: readonly string[];
  /** TLS key and certificate (PEM): the app then speaks HTTPS only. `startSandbox({ https })` makes them. */
  tls?: { key: string; cert: string };
  timeouts?: Partial<TransportTimeouts>;
  /** Receives one readable line per request (method, path, status, ms, error_type). */
  requestLog?: (line: string) => void;
  /** Largest accepted request body in bytes (default 1 MiB); bigger bodies get a JSON 413. */
  bodyLimit?: number;
  /** Per-project requests per minute (default 3000) and whether to answer 429 past it (default false; the CLI enforces). */
  rateLimit?: Partial<RateLimitOptions>;
}

/** Bounds on slow clients; each answers a JSON 408 `request.timeout`. */
export interface TransportTimeouts {
  /** The request line and headers must arrive within this (Node's headersTimeout). */
  headersMs: number;
  /** The whole request, body included, must arrive within this (Node's requestTimeout); ≥ headersMs. */
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = { headersMs: 10_000, requestMs: 30_000 };

export interface ResolvedConfig {
  webhookUrl: string | null;
  pendingDelayMs: number;
  webhookRetry: WebhookRetryOptions;
  publicUrl: string | null;
  /** Host names served besides loopback ones and the listening address (plugins/hosts.ts). */
  allowedHostnames: ReadonlySet<string>;
  /** Browser origins allowed on the "Try it" routes (see `SandboxOptions.siteOrigins`). */
  siteOrigins: readonly string[];
  timeouts: TransportTimeouts;
  rateLimit: RateLimitOptions;
}

export function resolveConfig(options: SandboxOptions): ResolvedConfig {
  const publicUrl = options.publicUrl === undefined ? undefined : parsePublicUrl(options.publicUrl);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  if (!(timeouts.headersMs > 0 && timeouts.requestMs >= timeouts.headersMs)) {
    throw new Error(`timeouts: need 0 < headersMs ≤ requestMs, got ${timeouts.headersMs} and ${timeouts.requestMs}`);
  }
  return {
    webhookUrl: options.webhookUrl ?? null,
    pendingDelayMs: options.pendingDelayMs ?? 5_000,
    webhookRetry: { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
    publicUrl: publicUrl?.origin ?? null,
    allowedHostnames: new Set([...(options.allowedHosts ?? []).map(normaliseHostname), ...(publicUrl ? [publicUrl.hostname] : [])]),
    siteOrigins: (options.siteOrigins ?? []).map(parseSiteOrigin),
    timeouts,
    rateLimit: resolveRateLimit(options.rateLimit),
  };
}

function resolveRateLimit(options: Partial<RateLimitOptions> | undefined): RateLimitOptions {
  const rateLimit = { ...DEFAULT_RATE_LIMIT, ...options };
  if (!(Number.isFinite(rateLimit.perMinute) && rateLimit.perMinute > 0)) {
    throw new Error(`rateLimit.perMinute must be a positive number, got ${rateLimit.perMinute}`);
  }
  return rateLimit;
}

/** A site origin as browsers send it in `Origin` (`http://127.0.0.1:3000`); throws a readable Error otherwise. */
export function parseSiteOrigin(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/+$/, '')) {
    throw new Error(`a site origin must be an http(s) origin such as http://127.0.0.1:3000 (no path), got ${text}`);
  }
  return url.origin;
}
