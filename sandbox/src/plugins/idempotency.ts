import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../lib/errors.ts';
import type { Store } from '../store/store.ts';

// Idempotency-Key: the same key, project and route (method + path) replays the stored response.
// The same key with a different body is refused with request.idempotency-key.invalid (a code the real
// API has): replaying the first response would hide that the second request was never executed.
const KEY_TTL_MS = 24 * 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour Idempotency-Key on this route. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { projectId: string; key: string; route: string };
    idempotencyReplay?: boolean;
    /** The answer was stored with the writes that produced it (see below). */
    idempotencySaved?: boolean;
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function keyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  const key = (Array.isArray(header) ? header[0] : header)?.trim();
  return key ? key : null; // Ruby sends an empty header when unset: treat it as absent.
}

export function registerIdempotency(app: FastifyInstance, store: Store): void {
  // Claims the key, or answers from what is stored (then returns true: the request goes no further).
  const claimOrReplay = (request: FastifyRequest, reply: FastifyReply, key: string): boolean => {
    const route = `${request.method} ${request.url.split('?')[0]}`;
    // No body and an empty one are the same request.
    const bodyHash = createHash('sha256')
      .update(stableJson(request.body ?? {}))
      .digest('hex');
    const projectId = request.project.id;

    if (!store.reserveIdempotencyKey(projectId, key, route, bodyHash, Date.now(), KEY_TTL_MS)) {
      const stored = store.findIdempotentResponse(projectId, key, route);
      if (stored && stored.body_hash !== bodyHash) {
        throw new ApiError(
          400,
          'request.idempotency-key.invalid',
          'This Idempotency-Key was already used on this route with a different body. Use a new key for a new request.',
        );
      }
      if (stored?.response == null || stored.status_code === null) {
        throw new ApiError(409, 'request.still-processing', 'A request with this Idempotency-Key is still being processed.');
      }
      request.idempotencyReplay = true;
      reply.code(stored.status_code).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(stored.response);
      return true;
    }
    request.idempotency = { projectId, key, route };
    return false;
  };
  // preValidation, registered before the body checks: validation errors are answered (and stored,
  // by the onSend hook below) like any other, so a retry with the same key replays the same 400.
  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('preValidation', (request, reply, done) => {
    const key = keyOf(request);
    if (!key || !request.routeOptions.config.idempotent || !request.authenticatedProject) {
      done();
      return;
    }
    let replayed: boolean;
    try {
      replayed = claimOrReplay(request, reply, key);
    } catch (error) {
      done(error as Error);
      return;
    }
    if (!replayed) done();
  });

  // A successful answer is stored in the same SQLite transaction as the writes that produced it, so
  // that a crash leaves either both or neither: a retry then replays, or runs for the first time,
  // but never runs twice. (Idempotent route handlers are synchronous for this reason.)
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const handler = route.handler;
    route.handler = function idempotentHandler(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const claim = request.idempotency;
      if (!claim) return handler.call(this, request, reply);
      const payload = store.transaction(() => {
        const result: unknown = handler.call(this, request, reply);
        if (result instanceof Promise) throw new Error(`${route.url}: idempotent route handlers must be synchronous`);
        const serialized = reply.serialize(result);
        // The routes' serializers are JSON ones; the type also allows the buffers a custom one could give.
        if (typeof serialized !== 'string') throw new Error(`${route.url}: idempotent responses must serialize to a string`);
        store.saveIdempotentResponse(claim.projectId, claim.key, claim.route, reply.statusCode, serialized);
        return serialized;
      });
      request.idempotencySaved = true;
      return reply.type('application/json; charset=utf-8').send(payload);
    };
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const claim = request.idempotency;
    if (!claim || request.idempotencyReplay || request.idempotencySaved) {
      done(null, payload);
      return;
    }
    try {
      if (reply.statusCode < 500 && typeof payload === 'string') {
        store.saveIdempotentResponse(claim.projectId, claim.key, claim.route, reply.statusCode, payload);
      } else {
        store.releaseIdempotencyKey(claim.projectId, claim.key, claim.route);
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    done(null, payload);
  });
}
