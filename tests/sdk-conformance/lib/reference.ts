// Facts recorded from the official ProcessOut SDKs (shared/reference/sdk, read its README): the
// requests each SDK sent (traffic/<lang>.json) and what it needs to decode the answers (decoding/schemas.json).
// shared/ sits beside the repository, locally and in CI.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SDK_REFERENCE_DIR = fileURLToPath(new URL('../../../../shared/reference/sdk/', import.meta.url));

/** The SDKs whose traffic was recorded, by the name of their traffic file. */
export const SDK_LANGUAGES = ['python', 'ruby', 'php', 'go', 'node'] as const;
export type SdkLanguage = (typeof SDK_LANGUAGES)[number];

/** One HTTP request an SDK sent, ids replaced by placeholders such as `{invoice_id}`. */
export interface RecordedRequest {
  /** The sample that sent it (`samples/<sample>/<sample>.<ext>`)… */
  sample?: string;
  /** …or the direct SDK call. */
  call?: string;
  /** A deliberate negative run of the sample: `wrong-secret`, `unknown-event`. */
  variant?: string;
  method: string;
  path: string;
  /** Raw bytes after `?`; null when the URL had no `?`. */
  query: string | null;
  headers: Record<string, string>;
  /** `basic <project>:<secret>` (or `<wrong-secret>`). */
  authorization: string;
  body: string;
  /** What a negative run must answer; absent means any 2xx. */
  expected?: { status: number; error_type: string };
}

export interface Fixtures {
  recipes: Record<string, string>;
  /** Placeholder → recipe text, by `sample[:variant]`. */
  samples?: Record<string, Record<string, string>>;
  /** Placeholder → recipe text, by call. */
  calls: Record<string, Record<string, string>>;
}

export interface Traffic {
  sdk: string;
  sdk_version: string;
  fixtures: Fixtures;
  requests: RecordedRequest[];
}

function readReference(relativePath: string): unknown {
  const file = `${SDK_REFERENCE_DIR}${relativePath}`;
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the SDK facts live in shared/reference/sdk beside the repository`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function loadTraffic(language: SdkLanguage): Traffic {
  return readReference(`traffic/${language}.json`) as Traffic;
}

export function loadDecodingSchemas(): Record<string, unknown> {
  return readReference('decoding/schemas.json') as Record<string, unknown>;
}

/** The sample or call an entry belongs to, as `fixtures` names it: `create-invoice:wrong-secret`, `find invoice`. */
export function groupOf(request: RecordedRequest): { kind: 'sample' | 'call'; key: string } {
  if (request.sample !== undefined) {
    return { kind: 'sample', key: request.variant ? `${request.sample}:${request.variant}` : request.sample };
  }
  if (request.call !== undefined) return { kind: 'call', key: request.call };
  throw new Error(`recorded request ${request.method} ${request.path} names neither a sample nor a call`);
}
