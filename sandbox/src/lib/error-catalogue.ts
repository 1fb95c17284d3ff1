import { DECLINE_CODES, type DeclineCategory } from './decline-codes.ts';

// The one list of every error_type the sandbox answers and every error code its checkout returns,
// with when each happens and what the integrator should do. The site's error reference page is
// generated from it (src/remark/errorReference.ts) and tests/site/errorReference.test.ts checks that
// the sandbox's code and the docs name no code missing here.

/** `api`: the `error_type` of an error answer. `checkout`: the code the checkout or ProcessOut.js hands back. `decline`: a payment decline. */
export type ErrorKind = 'api' | 'checkout' | 'decline';

export interface CatalogueEntry {
  readonly code: string;
  readonly kind: ErrorKind;
  /** HTTP statuses the sandbox answers it with; empty when it never is an HTTP answer. */
  readonly statuses: readonly number[];
  readonly when: string;
  readonly whatToDo: string;
  /** For decline codes: ProcessOut's category. */
  readonly category?: DeclineCategory;
}

type Entry = Omit<CatalogueEntry, 'kind' | 'category'>;

const FIX_REQUEST = 'Fix the request: `message` and `invalid_fields` name the field and what it must be.';

const api = (entries: Entry[]): CatalogueEntry[] => entries.map((entry) => ({ ...entry, kind: 'api' }));

const validation = (field: string, missing: boolean): Entry => ({
  code: `request.validation.${missing ? 'missing' : 'invalid'}-${field}`,
  statuses: [400],
  when: missing
    ? `The body lacks \`${field.replace(/-/g, '_')}\`.`
    : `\`${field.replace(/-/g, '_')}\` has a value the API does not accept.`,
  whatToDo: FIX_REQUEST,
});

/** Field-specific validation codes the real API uses; any other field gets `request.validation.error`. */
export const MISSING_FIELD_CODES = ['name', 'amount', 'currency', 'source', 'outcome', 'gateway-configuration-id'].map((f) =>
  validation(f, true),
);
export const INVALID_FIELD_CODES = ['amount', 'currency', 'url', 'metadata', 'name', 'filter', 'limit', 'outcome'].map((f) =>
  validation(f, false),
);

const NOT_FOUND_RESOURCES = ['invoice', 'transaction', 'event', 'gateway-configuration'];

const API_ERRORS = api([
  {
    code: 'request.authentication.invalid',
    statuses: [401],
    when: 'No credentials, or a project secret that does not match the project ID.',
    whatToDo: 'Send HTTP Basic auth: the project ID as user name, the project secret as password.',
  },
  {
    code: 'request.authentication.invalid-project-id',
    statuses: [401],
    when: 'The project ID is unknown, or is not a sandbox project (`test-proj_…`).',
    whatToDo: 'Use the sandbox project ID from the sandbox banner or `PROCESSOUT_PROJECT_ID`.',
  },
  {
    code: 'request.bad-format',
    statuses: [400, 415],
    when: 'The body is not JSON or form data (415), not valid UTF-8, nested too deep, not an object, or the URL or HTTP framing cannot be read.',
    whatToDo: 'Send a JSON object with `Content-Type: application/json`, and percent-encode the URL.',
  },
  {
    code: 'request.body-too-large',
    statuses: [413],
    when: 'The request body is larger than the sandbox accepts.',
    whatToDo: 'Send a smaller body; metadata is for short values.',
  },
  {
    code: 'request.timeout',
    statuses: [408],
    when: 'The headers or body did not arrive in time.',
    whatToDo: 'Send the whole request without pausing; check proxies that buffer.',
  },
  {
    code: 'request.method-not-allowed',
    statuses: [405],
    when: 'The path exists, but not with this HTTP method (or a CONNECT request).',
    whatToDo: 'Use a method the `Allow` header lists.',
  },
  {
    code: 'request.route-not-found',
    statuses: [404],
    when: 'No route has this path.',
    whatToDo: 'Check the path against the API reference, and the base URL (no `/v1` prefix).',
  },
  {
    code: 'request.expectation-failed',
    statuses: [417],
    when: 'An `Expect` header other than `100-continue`.',
    whatToDo: 'Send the request without that `Expect` header.',
  },
  {
    code: 'request.host.invalid',
    statuses: [400],
    when: 'The `Host` header is missing, repeated or malformed.',
    whatToDo: 'Send one valid `Host` header; HTTP clients do this for you.',
  },
  {
    code: 'request.host.not-allowed',
    statuses: [421],
    when: 'The request names a host the sandbox does not serve.',
    whatToDo: 'Use 127.0.0.1 or localhost, or start the sandbox with `--public-url` set to the URL clients use.',
  },
  {
    code: 'request.rate.exceeded',
    statuses: [429],
    when: 'More requests in a minute than the project may send.',
    whatToDo: 'Slow down and retry later; `x-ratelimit-remaining` says how many are left.',
  },
  {
    code: 'request.idempotency-key.invalid',
    statuses: [400],
    when: 'An `Idempotency-Key` already used on this route with a different body.',
    whatToDo: 'Use a new key for a new request; reuse a key only to retry the same request.',
  },
  {
    code: 'request.still-processing',
    statuses: [409],
    when: 'A request with this `Idempotency-Key` is still running.',
    whatToDo: 'Wait, then retry with the same key to get its answer.',
  },
  {
    code: 'request.source.invalid',
    statuses: [400],
    when: 'The `source` of a capture or authorization is not a usable gateway request token for this invoice.',
    whatToDo: 'Pass the `gway_req_…` token the checkout returned for this invoice, URL-decoded.',
  },
  {
    code: 'request.transaction.invalid-state',
    statuses: [400],
    when: 'The transaction cannot take this action in its status: a token used again, a capture of a captured or voided payment, paying or deleting a settled invoice.',
    whatToDo: 'Fetch the transaction and act on its `status`; a token pays once, so create a new invoice to charge again.',
  },
  {
    code: 'request.validation.error',
    statuses: [400],
    when: 'A field has a value the API does not accept, and no more specific code applies.',
    whatToDo: FIX_REQUEST,
  },
  ...MISSING_FIELD_CODES,
  ...INVALID_FIELD_CODES,
  ...NOT_FOUND_RESOURCES.map((resource) => ({
    code: `resource.${resource}.not-found`,
    statuses: [404],
    when: `No ${resource.replace(/-/g, ' ')} with this ID in the project (never created, deleted, or created with another project's credentials).`,
    whatToDo: 'Check the ID and that you call with the project that created it.',
  })),
  {
    code: 'internal.error',
    statuses: [500],
    when: 'The sandbox hit an unexpected error.',
    whatToDo: 'Read the sandbox console output and report it: this is a sandbox bug, not your request.',
  },
]);

const CHECKOUT_RESULTS: CatalogueEntry[] = [
  {
    code: 'customer.canceled',
    kind: 'checkout',
    statuses: [],
    when: 'The customer canceled on the provider page or closed its window (ProcessOut.js adds `reason: "tab_closed"`).',
    whatToDo: 'Let the customer pick an APM again: the invoice can still be paid.',
  },
  // ProcessOut.js error codes (../shared/reference/processout-api-notes.md), passed to its error callback.
  {
    code: 'customer.popup-blocked',
    kind: 'checkout',
    statuses: [],
    when: 'ProcessOut.js could not open the checkout window: the browser blocked the popup.',
    whatToDo: 'Open the checkout straight from a click handler, or ask the customer to allow popups and try again.',
  },
  {
    code: 'processout-js.no-customer-action',
    kind: 'checkout',
    statuses: [],
    when: 'The checkout ended without the customer paying or canceling.',
    whatToDo: 'Treat it as not paid: let the customer try again.',
  },
  {
    code: 'processout-js.network-issue',
    kind: 'checkout',
    statuses: [],
    when: 'ProcessOut.js could not reach the API (network down, or a CORS refusal).',
    whatToDo: 'Check the browser console and network tab; retry when the connection is back.',
  },
  {
    code: 'processout-js.not-hosted',
    kind: 'checkout',
    statuses: [],
    when: 'ProcessOut.js was not loaded from `https://js.processout.com`.',
    whatToDo: 'Load the script from `https://js.processout.com/processout.js`, never from a copy.',
  },
];

const DECLINE_ADVICE: Record<DeclineCategory, string> = {
  'hard-decline': 'Do not retry: tell the customer, and offer another payment method.',
  'soft-decline': 'May be retried, possibly after the customer fixes the cause; or offer another payment method.',
};

const DECLINES: CatalogueEntry[] = DECLINE_CODES.map(({ code, category, meaning }) => ({
  code,
  kind: 'decline',
  category,
  // The sandbox's test APM answers card.do-not-honor at capture (outcome decline-at-capture) with HTTP 410.
  statuses: code === 'card.do-not-honor' ? [410] : [],
  when: meaning,
  whatToDo: DECLINE_ADVICE[category],
}));

export const ERROR_CATALOGUE: readonly CatalogueEntry[] = [...API_ERRORS, ...CHECKOUT_RESULTS, ...DECLINES];

const BY_CODE = new Map(ERROR_CATALOGUE.map((entry) => [entry.code, entry]));

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return BY_CODE.get(code);
}

/** The anchor of a code on the error reference page (heading ids cannot keep dots). */
export function errorAnchor(code: string): string {
  return code.replace(/\./g, '-');
}

/**
 * An error type or code as pages and samples write one: a known family prefix and dotted kebab-case
 * parts, quoted, in backticks or after `=` (`error_code=payment.declined`). Event names
 * (`transaction.failed`) use other prefixes; property accesses (`request.body`) are not quoted.
 */
export const ERROR_CODE_PATTERN =
  /(?<=[`'"=\s(])(?:request|resource|card|gateway|payment|customer|internal|processout-js)(?:\.[a-z0-9-]+)+(?=[`'"&\s),.;:]|$)/g;

/** Property paths the pages and samples use that look like error codes to ERROR_CODE_PATTERN. */
const NOT_ERROR_CODES = new Set([
  'gateway.name',
  'payment.token',
  'request.body',
  'request.method',
  'request.url',
  'request.headers',
  'request.query',
  'request.params',
]);

/** Every error type or code `text` names, in order, repeats included. */
export function namedErrorCodes(text: string): string[] {
  return [...text.matchAll(ERROR_CODE_PATTERN)].map((match) => match[0]).filter((code) => !NOT_ERROR_CODES.has(code));
}
