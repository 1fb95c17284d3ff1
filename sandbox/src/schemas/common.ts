import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { validationError } from '../lib/errors.ts';

/**
 * A value the API returns as null when unset (the real API does the same). Written as a type list
 * (`"type": ["string", "null"]`) rather than anyOf: fast-json-stringify writes type lists directly but
 * runs a validator for every anyOf, which made serializing one invoice ~15× slower than JSON.stringify.
 */
export const Nullable = <T extends TSchema & { type: string }>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

/** `{ key: "value" }` maps such as metadata. */
export const StringMap = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));

/** Objects the sandbox stores and returns as given (shipping, billing, device, …). */
export const PassThrough = Type.Object({}, { additionalProperties: true });

export const ErrorResponse = Type.Object(
  {
    success: Type.Literal(false),
    error_type: Type.String({ description: 'Machine-readable code, e.g. request.validation.missing-name' }),
    message: Type.String(),
    invalid_fields: Type.Optional(Type.Array(Type.Object({ name: Type.String(), message: Type.String() }))),
  },
  { $id: 'Error', description: 'Every error, including 404, 405, 413 and malformed bodies.' },
);

/** Standard error responses to merge into a route's `response` map. */
export const errorResponses = { '4xx': Type.Ref('Error'), '5xx': Type.Ref('Error') } as const;

/** Paging/expansion options SDKs send; Go and Ruby put them even in POST bodies, where they are ignored. */
export const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: '1–100, default 10; 0 means default' })),
  start_after: Type.Optional(Type.String({ description: 'Return the page that follows this id in the listing order' })),
  end_before: Type.Optional(
    Type.String({
      description: 'Return the page just before this id in the listing order (the objects nearest to it), still in the listing order',
    }),
  ),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});

/** Page size from `limit` (0 or absent: 10). Ajv lets `limit=Infinity` through the integer and maximum checks. */
export function pageSize(limit: number | undefined): number {
  if (limit !== undefined && !Number.isFinite(limit)) {
    throw validationError('request.validation.invalid-limit', 'limit', 'limit must be <= 100');
  }
  return limit === undefined || limit === 0 ? 10 : limit;
}

/** `expand=a,b`, `expand[]=a`, `expand=a&expand=b` all arrive as an array after coercion. */
export const Expand = Type.Array(Type.String(), { description: 'Resources to expand (comma list or repeated)' });

export function expandSet(expand: string[] | undefined): Set<string> {
  return new Set(
    (expand ?? [])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean),
  );
}

/**
 * A boolean query parameter as the official SDKs spell it: Python urlencodes a bool as True/False,
 * PHP's rawurlencode gives 1 (and drops false, or sends 0), Node and Ruby send true/false.
 */
const SDK_QUERY_BOOLEANS = ['true', 'false', 'True', 'False', '1', '0'] as const;
export const QueryBoolean = (description: string) =>
  Type.Unsafe<(typeof SDK_QUERY_BOOLEANS)[number]>({ type: 'string', enum: [...SDK_QUERY_BOOLEANS], description });
