import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import qs from 'qs';
import { ApiError } from './errors.ts';

// curl samples send `-d metadata[key]=value`, `-d details[0][name]=…`, `--data-urlencode expand[]=x`:
// qs gives those the same nested shape a JSON body has.
export function parseNested(text: string): Record<string, unknown> {
  return qs.parse(text, { depth: 5, arrayLimit: 100, parameterLimit: 1000 }) as Record<string, unknown>;
}

// Values SDKs send for "not set": the Node SDK sends null, Ruby sends "", Node GETs encode null as
// "null", Python as "None". They are dropped so that they mean "absent" rather than failing validation.
const UNSET_BODY_VALUES = new Set<unknown>([null, '']);
const UNSET_QUERY_VALUES = new Set<unknown>(['', 'null', 'None', undefined]);

function withoutUnset(value: unknown, unset: Set<unknown>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !unset.has(v)));
}

// Amounts are decimal strings in the real API ("9.99"); a JSON number is refused rather than coerced,
// so that code which works here also works against api.processout.com.
function rejectNumericAmounts(request: FastifyRequest): void {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  for (const field of ['amount', 'capture_amount']) {
    if (typeof body[field] === 'number') {
      const message = `${field} must be a string in major units, for example "9.99", not a JSON number`;
      throw new ApiError(400, 'request.validation.invalid-amount', message, [{ name: field, message }]);
    }
  }
}

// No API object nests deeply; a limit keeps recursive code (idempotency hashing, serializers) safe
// from bodies built to exhaust the stack.
const MAX_JSON_DEPTH = 32;

function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

export async function registerBodyParsing(app: FastifyInstance): Promise<void> {
  await app.register(formbody, { parser: parseNested });

  // An empty JSON body means "no parameters" (some SDKs send one on void/capture).
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, {});
    defaultJson(request, text, (error, parsed) => {
      if (error) return done(error);
      if (nestedDeeperThan(parsed, MAX_JSON_DEPTH)) {
        return done(new ApiError(400, 'request.bad-format', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`));
      }
      done(null, parsed);
    });
  });

  app.addHook('preValidation', async (request) => {
    request.query = withoutUnset(request.query, UNSET_QUERY_VALUES) as typeof request.query;
    // A POST without a body (curl -X POST, SDK void calls) means "no parameters".
    const body = request.body === undefined && request.method === 'POST' ? {} : request.body;
    request.body = withoutUnset(body, UNSET_BODY_VALUES) as typeof request.body;
    rejectNumericAmounts(request);
  });
}
