// Holds an API answer to what every official SDK needs to decode it: decoding/schemas.json, whose
// `x-routes` maps "<METHOD> <path with {id}>" to an envelope schema (`schema`), and to a stricter one
// that also covers what the project's samples read (`samples_schema`).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadDecodingSchemas } from './reference.ts';

/** The x-routes entry every non-2xx answer is held to (the error envelope). */
export const NON_2XX_ROUTE = 'any non-2xx';

interface RouteSchemas {
  schema: string;
  samples_schema: string;
}

interface RoutePattern {
  key: string;
  method: string;
  path: RegExp;
}

interface Validators {
  routes: RoutePattern[];
  entries: Record<string, RouteSchemas>;
  validator: (ref: string) => ValidateFunction;
}

export interface SdkAnswerCheck {
  /** The x-routes key the answer was held to; null for a route no SDK call of the facts uses (not checked). */
  route: string | null;
  /** The schema it was validated with, e.g. `#/$defs/CaptureEnvelope`. */
  schema: string | null;
  /** `<instance path> <message>` per violation; empty when every SDK decodes the answer. */
  errors: string[];
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The reference's own annotations (`x-routes`, `x-go`, …): not validation keywords, but allowed. */
function annotationKeywords(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => annotationKeywords(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-')) found.add(key);
      annotationKeywords(child, found);
    }
  }
  return found;
}

/** `/invoices/{id}/capture` → a pattern any concrete id (or any other `{placeholder}`) matches. */
function pathPattern(template: string): RegExp {
  const segments = template
    .split('/')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}/?$`);
}

let loaded: Validators | undefined;

function validators(): Validators {
  if (loaded) return loaded;
  const document = loadDecodingSchemas() as { $id: string; 'x-routes': Record<string, RouteSchemas> };
  const ajv = addFormats(new Ajv2020({ allErrors: true, strictTypes: false, strictTuples: false }));
  for (const keyword of annotationKeywords(document)) ajv.addKeyword(keyword);
  ajv.addSchema(document);
  const compiled = new Map<string, ValidateFunction>();
  const entries = document['x-routes'];
  const routes = Object.keys(entries)
    .filter((key) => key !== NON_2XX_ROUTE)
    .map((key) => {
      const [method, template] = key.split(' ') as [string, string];
      return { key, method, path: pathPattern(template) };
    });
  loaded = {
    routes,
    entries,
    validator: (ref) => {
      let validate = compiled.get(ref);
      if (!validate) {
        validate = ajv.getSchema(`${document.$id}${ref}`);
        if (!validate) throw new Error(`schemas.json has no ${ref}`);
        compiled.set(ref, validate);
      }
      return validate;
    },
  };
  return loaded;
}

/** The x-routes key of a request, from a concrete path (`/invoices/iv_1/capture?x=1`) or a template. */
export function sdkRouteOf(method: string, pathTemplateOrPath: string): string | null {
  const path = pathTemplateOrPath.split('?')[0] ?? '';
  const upper = method.toUpperCase();
  return validators().routes.find((route) => route.method === upper && route.path.test(path))?.key ?? null;
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`;
}

/**
 * Validates one answer against decoding/schemas.json: a 2xx against its route's `schema` (or
 * `samples_schema` with `samples: true`), a non-2xx of a known route against the error envelope.
 * Routes no SDK call uses (the sandbox's own `/_sandbox/…`, checkout pages) are not checked: `route` is null.
 */
export function validateSdkAnswer(
  method: string,
  pathTemplateOrPath: string,
  status: number,
  body: unknown,
  options: { samples?: boolean } = {},
): SdkAnswerCheck {
  const route = sdkRouteOf(method, pathTemplateOrPath);
  if (route === null) return { route: null, schema: null, errors: [] };
  const { entries, validator } = validators();
  const key = status >= 200 && status < 300 ? route : NON_2XX_ROUTE;
  const entry = entries[key]!;
  const schema = options.samples ? entry.samples_schema : entry.schema;
  const validate = validator(schema);
  const errors = validate(body) ? [] : (validate.errors ?? []).map(describeError);
  return { route: key, schema, errors };
}
