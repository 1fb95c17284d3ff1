import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../lib/errors.ts';

// The real API's rate limit (shared/reference/processout/processout-rate-limits.yml): a GCRA token
// bucket per project in requests per minute; every answer carries `x-ratelimit` (the limit) and
// `x-ratelimit-remaining`; past the limit, HTTP 429. Requests without a known project (bad
// credentials, checkout pages) count against their client address instead.

export interface RateLimitOptions {
  /** Requests per minute per project (the documented worked example is 3000). */
  perMinute: number;
  /** Answer 429 past the limit; when false the headers are still counted and sent. */
  enforce: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 3_000, enforce: false };

declare module 'fastify' {
  interface FastifyRequest {
    /** This request was counted by the onRequest hook (else the onSend one counts it). */
    rateLimitCounted: boolean;
  }
}

const WINDOW_MS = 60_000;
/** Buckets are dropped once full again; this bounds how many idle ones are kept between sweeps. */
const MAX_IDLE_BUCKETS = 10_000;

/** Generic Cell Rate Algorithm: one "theoretical arrival time" per key, no timers. */
export class RateLimiter {
  private readonly interval: number;
  private readonly arrivals = new Map<string, number>();

  constructor(private readonly perMinute: number) {
    this.interval = WINDOW_MS / perMinute;
  }

  /** Counts one request; `allowed` is false when the bucket is empty. `remaining` is what is left after it. */
  take(key: string, nowMs: number): { allowed: boolean; remaining: number } {
    const arrival = Math.max(this.arrivals.get(key) ?? nowMs, nowMs);
    const next = arrival + this.interval;
    if (next - nowMs > WINDOW_MS) return { allowed: false, remaining: 0 };
    if (this.arrivals.size >= MAX_IDLE_BUCKETS) this.sweep(nowMs);
    this.arrivals.set(key, next);
    return { allowed: true, remaining: Math.floor((WINDOW_MS - (next - nowMs)) / this.interval) };
  }

  private sweep(nowMs: number): void {
    for (const [key, arrival] of this.arrivals) if (arrival <= nowMs) this.arrivals.delete(key);
  }
}

/**
 * Counts every request once (after authentication, so a project's requests share one bucket) and
 * sends the headers on every answer, errors included.
 */
export function registerRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  const limiter = new RateLimiter(options.perMinute);
  const limit = String(options.perMinute);
  const count = (request: FastifyRequest, reply: FastifyReply) => {
    const { allowed, remaining } = limiter.take(request.authenticatedProject?.id ?? `ip:${request.ip}`, Date.now());
    reply.header('x-ratelimit', limit).header('x-ratelimit-remaining', String(remaining));
    return allowed || !options.enforce;
  };
  // A flag on the request rather than a WeakSet of requests: weak entries cost the garbage collector.
  app.decorateRequest('rateLimitCounted', false);
  // Callback hooks: they run on every request, and an async one costs a promise each time.
  app.addHook('onRequest', (request, reply, done) => {
    request.rateLimitCounted = true;
    if (!count(request, reply)) {
      done(
        new ApiError(
          429,
          'request.rate.exceeded',
          `More than ${limit} requests in a minute for this project: slow down (see x-ratelimit-remaining).`,
        ),
      );
      return;
    }
    done();
  });
  // Answers sent before the hook above ran (a failed authentication, a malformed request) count too.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.rateLimitCounted) count(request, reply);
    done(null, payload);
  });
}
