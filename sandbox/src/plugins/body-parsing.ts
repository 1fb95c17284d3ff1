import type { FastifyInstance, FastifyRequest } from 'fastify';
import qs from 'qs';
import { ApiError } from '../lib/errors.ts';

// curl samples send `-d metadata[key]=value`, `-d details[0][name]=…`, `--data-urlencode expand[]=x`:
// qs gives those the same nested shape a JSON body has.
const QS_LIMITS = { depth: 5, arrayLimit: 100, parameterLimit: 1000 } as const;

export function parseNested(text: string): Record<string, unknown> {
  return qs.parse(text, QS_LIMITS);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function invalidUtf8(): ApiError {
  return new ApiError(400, 'request.bad-format', 'The request body is not valid UTF-8.');
}

/** Decodes bytes as UTF-8, refusing invalid sequences rather than storing U+FFFD in their place. */
function strictUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw invalidUtf8();
  }
}

// A form component: `+` is a space, each run of %XX escapes must decode to valid UTF-8. A `%` that
// starts no escape stays as typed (qs does the same), so `-d note=100%` still works.
function decodeFormComponent(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => strictUtf8(Buffer.from(run.replace(/%/g, ''), 'hex')));
}

/**
 * A form body, nested like a JSON one. Null-prototype objects keep keys such as `toString` or
 * `hasOwnProperty` (a JSON body keeps them too); qs drops those from plain objects.
 */
export function parseFormBody(bytes: Buffer): Record<string, unknown> {
  return qs.parse(strictUtf8(bytes), { ...QS_LIMITS, plainObjects: true, decoder: decodeFormComponent });
}

// Values SDKs send for "not set": the Node SDK sends null, Ruby sends "", Node GETs encode null as
// "null", Python as "None", ProcessOut.js an option it was not given as "undefined" (filter=undefined).
// They are dropped so that they mean "absent" rather than failing validation.
const UNSET_BODY_VALUES = new Set<unknown>([null, '']);
const UNSET_QUERY_VALUES = new Set<unknown>(['', 'null', 'None', 'undefined', undefined]);

function hasUnsetValue(value: object, unset: Set<unknown>): boolean {
  for (const key in value) if (unset.has((value as Record<string, unknown>)[key])) return true;
  return false;
}

function withoutUnset(value: unknown, unset: Set<unknown>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  // Most requests set nothing to "unset": keep their (plain) object rather than copy it.
  if (Object.getPrototypeOf(value) === Object.prototype && !hasUnsetValue(value, unset)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !unset.has(v)));
}

// Amounts are decimal strings in the real API ("9.99"); a JSON number is refused rather than coerced,
// so that code which works here also works against api.processout.com.
// Invoice details carry amounts too (details[].amount, details[].discount_amount).
function rejectNumericAmounts(request: FastifyRequest): void {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  const numeric: string[] = [];
  if (typeof body.amount === 'number') numeric.push('amount');
  if (typeof body.capture_amount === 'number') numeric.push('capture_amount');
  if (Array.isArray(body.details)) {
    body.details.forEach((detail: unknown, index) => {
      if (!detail || typeof detail !== 'object') return;
      for (const field of ['amount', 'discount_amount']) {
        if (typeof (detail as Record<string, unknown>)[field] === 'number') numeric.push(`details.${index}.${field}`);
      }
    });
  }
  if (numeric.length === 0) return;
  const fields = numeric.map((name) => ({
    name,
    message: `${name} must be a string in major units, for example "9.99", not a JSON number`,
  }));
  throw new ApiError(400, 'request.validation.invalid-amount', fields.map((f) => f.message).join('; '), fields);
}

// No API object nests deeply; a limit keeps recursive code (idempotency hashing, serializers) safe
// from bodies built to exhaust the stack.
const MAX_JSON_DEPTH = 32;

/** Recursive, without allocating: its depth is bounded by `limit` (MAX_JSON_DEPTH), not by the body. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  for (const key in value) if (nestedDeeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  return false;
}

export async function registerBodyParsing(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer));
    } catch (error) {
      done(error as Error);
    }
  });

  // An empty JSON body means "no parameters" (some SDKs send one on void/capture).
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8(body as Buffer);
    } catch (error) {
      done(error as Error);
      return;
    }
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    // Fastify's own parser is the callback kind: its type also allows a promise, which it never returns.
    void defaultJson(request, text, (error, parsed) => {
      if (error) {
        done(error);
        return;
      }
      if (nestedDeeperThan(parsed, MAX_JSON_DEPTH)) {
        done(new ApiError(400, 'request.bad-format', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`));
        return;
      }
      done(null, parsed);
    });
  });

  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('preValidation', (request, _reply, done) => {
    request.query = withoutUnset(request.query, UNSET_QUERY_VALUES);
    // A POST without a body (curl -X POST, SDK void calls) means "no parameters".
    const body = request.body === undefined && request.method === 'POST' ? {} : request.body;
    request.body = withoutUnset(body, UNSET_BODY_VALUES);
    try {
      rejectNumericAmounts(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
}
