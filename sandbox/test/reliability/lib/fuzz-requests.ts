import fc from 'fast-check';
import { basicAuth as basic } from '../../lib/client.ts';

// Generators of hostile requests for every sandbox route: random and malformed JSON and form bodies,
// wrong or missing content types, oversized bodies, unicode and control characters, very long strings,
// wrong types, injection strings in every field and path parameter, forged or replayed gway_req_
// tokens and bad Basic auth headers. Ids of live objects are mixed in so that requests reach the
// handlers, not only the validators.

/** Live ids the generators draw from; the fuzz loop adds what successful requests create. */
export interface FuzzWorld {
  projects: { id: string; secret: string }[];
  invoiceIds: string[];
  transactionIds: string[];
  eventIds: string[];
  gatewayConfigurationIds: string[];
  tokens: string[];
}

export interface FuzzRequest {
  method: string;
  /** Path and query string, already encoded (or deliberately mis-encoded). */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export const BODY_LIMIT = 64 * 1024;

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE invoices; --",
  '" OR ""="',
  '1 UNION SELECT secret FROM projects',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  'http://localhost:1/admin',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '\u0000',
  '%00',
  '\r\nSet-Cookie: injected=1',
  '__proto__',
  'constructor',
  'prototype',
  '{"$gt": ""}',
  '$where',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x1F',
  '9'.repeat(400),
  '\u202eevil\u202c',
  '😀🏳️‍🌈',
  'Ａ\uFF0FＢ',
  '\uFEFF',
  '\uD800',
  'null',
  'None',
  'undefined',
  'true',
  '[]',
  '{}',
  '%',
  '%zz',
  '\\',
  'gway_req_',
  "gway_req_' OR 1=1 --",
  'iv_%',
  'iv_*',
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encoding for any string: a lone surrogate (which cannot be UTF-8) becomes U+FFFD. */
function encode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

const controlChar = fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code));
const printableAscii = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const latin1 = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((code) => code !== 0x7f)
  .map((code) => String.fromCharCode(code));

/** Strings an attacker or a buggy client would send. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: controlChar, maxLength: 10 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('a', 'é', '😀', '<'), fc.integer({ min: 81, max: 20_000 })).map(([c, n]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A value of any JSON type (wrong types for every field). */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function live(pick: () => string[]): fc.Arbitrary<string> {
  return fc.nat().map((n) => {
    const values = pick();
    return values.length > 0 ? values[n % values.length]! : 'none';
  });
}

/** A path parameter: a live id of the right or the wrong kind, or garbage. */
function pathParam(world: FuzzWorld, own: () => string[]): fc.Arbitrary<string> {
  const encoded = fc.oneof(
    { weight: 6, arbitrary: live(own).map(encode) },
    { weight: 2, arbitrary: live(() => [...world.invoiceIds, ...world.eventIds, ...world.transactionIds]).map(encode) },
    { weight: 4, arbitrary: nastyString.filter((s) => s !== '').map(encode) },
    // Deliberately broken percent-encoding and raw characters.
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%2e%2e', '..', '%00', 'a%2Fb', '%u0041') },
  );
  return encoded;
}

const GATEWAY_FILTERS = [
  'alternative-payment-methods',
  'alternative-payment-methods-with-tokenization',
  'native-alternative-payment-methods',
];
const QUERY_KEYS = [
  'limit',
  'order',
  'start_after',
  'end_before',
  'expand',
  'expand[]',
  'filter',
  'expand_merchant_accounts',
  'with_disabled',
];

/** A query string: known keys with good or bad values, random keys, deep bracket nesting. */
function queryString(world: FuzzWorld): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.constantFrom('10', '0', '-1', '101', '1.5', 'abc', 'asc', 'desc', 'transaction', 'transaction,foo', 'true', 'null', 'None', ''),
    fc.constantFrom(...GATEWAY_FILTERS),
    live(() => [...world.invoiceIds, ...world.eventIds]),
    nastyString,
  );
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) },
    { weight: 1, arbitrary: nastyString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'expand[][][]',
        'a[b][c][d][e][f][g][h]',
        '__proto__[polluted]',
        'constructor[prototype][polluted]',
        'limit[]',
      ),
    },
  );
  const pair = fc
    .tuple(key, value, fc.boolean())
    .map(([k, v, percentEncoded]) =>
      percentEncoded ? `${encode(k)}=${encode(v)}` : `${k.replace(/[#\s]/g, '')}=${v.replace(/[#\s]/g, '')}`,
    );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => `?${pairs.join('&')}`) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1001, max: 1200 }).map((n) => `?${Array.from({ length: n }, (_, i) => `k${i}=v`).join('&')}`),
    },
  );
}

const INVOICE_FIELDS = [
  'name',
  'amount',
  'currency',
  'return_url',
  'cancel_url',
  'webhook_url',
  'metadata',
  'customer_id',
  'order_id',
  'reference_id',
  'statement_descriptor',
  'details',
  'require_backend_capture',
  'verification',
  'incremental',
  'expires_at',
  'auto_capture_at',
  'initiation_type',
  'payment_intent',
  'merchant_initiator_type',
  'payment_type',
  'shipping',
  'billing',
  'device',
  'risk',
  'tax',
  'gateway_data',
];
const PAYMENT_FIELDS = ['source', 'capture_amount', 'authorize_only', 'metadata', 'synchronous', 'save_source', 'auto_capture_at'];
const COMPLETE_FIELDS = ['gateway_configuration_id', 'outcome'];
const CHECKOUT_FIELDS = ['outcome', 'opener_origin'];
const ALL_FIELDS = [...new Set([...INVOICE_FIELDS, ...PAYMENT_FIELDS, ...COMPLETE_FIELDS, ...CHECKOUT_FIELDS])];

/** A token this sandbox never issued: truncated, extended, mangled by form encoding, or forged. */
function forgedToken(world: FuzzWorld): fc.Arbitrary<string> {
  const forge = (confId: string) =>
    `gway_req_${Buffer.from(JSON.stringify({ gateway_configuration_id: confId, method: 'POST', url: 'https://shop.example', headers: {}, body: 'sandbox_request=forged' })).toString('base64')}`;
  return fc
    .tuple(
      live(() => world.tokens),
      live(() => world.gatewayConfigurationIds),
      fc.constantFrom('truncate', 'extend', 'plus-as-space', 'forge', 'case'),
    )
    .map(([token, confId, how]) => {
      switch (how) {
        case 'truncate':
          return token.slice(0, -4);
        case 'extend':
          return `${token}AAAA`;
        case 'plus-as-space':
          return token.replace(/\+/g, ' ').replace(/^(gway_req_.)/, '$1 ');
        case 'forge':
          return forge(confId);
        default:
          return token.toUpperCase();
      }
    });
}

/** Values that are valid for a field, so that bodies mutate one field of an otherwise good request. */
function validBody(world: FuzzWorld, route: BodyRoute): fc.Arbitrary<Record<string, unknown>> {
  switch (route) {
    case 'invoice':
      return fc.record(
        {
          name: fc.constantFrom('Order #1', 'Café ☕', 'x'),
          amount: fc.constantFrom('10.00', '1', '0.5', '999999.99'),
          currency: fc.constantFrom('EUR', 'USD', 'JPY', 'KWD'),
          return_url: fc.constantFrom('https://shop.example/return', 'your.application.id://processout/return', 'http://127.0.0.1:1/r'),
          cancel_url: fc.constantFrom('https://shop.example/cancel'),
          // Deliveries only ever go to loopback (the fuzz test also blocks anything else).
          webhook_url: fc.constantFrom('http://127.0.0.1:1/webhooks'),
          metadata: fc.constantFrom({ skip_processoutjs: 'true' }, { order: '1' }),
        },
        { requiredKeys: ['name', 'amount', 'currency'] },
      );
    case 'payment':
      return fc.record(
        {
          source: fc.oneof({ weight: 3, arbitrary: live(() => world.tokens) }, { weight: 2, arbitrary: forgedToken(world) }),
          capture_amount: fc.constantFrom('1.00', '10.00', '0.001'),
          authorize_only: fc.boolean(),
        },
        { requiredKeys: ['source'] },
      );
    case 'complete':
      return fc.record({
        gateway_configuration_id: live(() => world.gatewayConfigurationIds),
        outcome: fc.constantFrom('approve', 'decline', 'cancel', 'pending'),
      });
    case 'checkout':
      return fc.record(
        {
          outcome: fc.constantFrom('approve', 'decline', 'cancel', 'pending'),
          opener_origin: fc.constantFrom('https://evil.example', 'null', '*'),
        },
        { requiredKeys: ['outcome'] },
      );
    case 'none':
      return fc.constant({});
  }
}

/** A body as a JS object: a good one with a field broken, or random fields. */
function objectBody(world: FuzzWorld, route: BodyRoute): fc.Arbitrary<Record<string, unknown>> {
  const mutated = fc
    .tuple(validBody(world, route), fc.constantFrom(...ALL_FIELDS), anyValue, fc.boolean())
    .map(([body, field, value, remove]) => {
      const others = Object.fromEntries(Object.entries(body).filter(([key]) => key !== field));
      return remove ? others : { ...others, [field]: value };
    });
  const randomFields = fc.dictionary(fc.oneof(fc.constantFrom(...ALL_FIELDS), nastyString), anyValue, { maxKeys: 8 });
  return fc.oneof(
    { weight: 5, arbitrary: mutated },
    { weight: 2, arbitrary: randomFields },
    { weight: 2, arbitrary: validBody(world, route) },
  );
}

/** Flattens an object into bracket-nested form pairs, as curl -d and PHP do. */
function toForm(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => toForm(inner, prefix ? `${prefix}[${key}]` : key));
  }
  return [`${encode(prefix)}=${encode(String(value))}`];
}

const MALFORMED_JSON = [
  '{',
  '{"name":',
  '{"name": "x",}',
  "{'name': 'x'}",
  '{"name": "x"} trailing',
  'NaN',
  '[1, 2',
  '"unterminated',
  '{"a":1}{"b":2}',
  '\uFEFF{"name":"x"}',
  '{"name":"\\ud800"}',
  '{"name":"\\u0000"}',
  '{"__proto__": {"polluted": 1}}',
  '{"constructor": {"prototype": {"polluted": 1}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
];
const MALFORMED_FORM = [
  '%',
  '%zz=1',
  'a=%E0%A4%A',
  '&&&',
  '=',
  '==',
  'a[=1',
  'a]=1',
  `${'a'.repeat(5)}${'[b]'.repeat(50)}=1`,
  'a[99999999]=x',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'metadata[__proto__][polluted]=1',
  'details[0][name]=x&details[0]=y',
  Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join('&'),
];

type BodyRoute = 'invoice' | 'payment' | 'complete' | 'checkout' | 'none';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const CONTENT_TYPES = [
  JSON_TYPE,
  FORM_TYPE,
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'text/html',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/merge-patch+json',
  ';;;',
  'application/json, text/plain',
  'APPLICATION/JSON',
];

/** Body text and its content type (or none), well- or ill-matched. */
function bodyAndType(world: FuzzWorld, route: BodyRoute): fc.Arbitrary<{ body?: string; contentType?: string }> {
  const json = objectBody(world, route).map((body) => JSON.stringify(body));
  const form = objectBody(world, route).map((body) => toForm(body).join('&'));
  const wrongShape = fc
    .jsonValue({ maxDepth: 2 })
    .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map((v) => JSON.stringify(v));
  const text = fc.oneof(
    { weight: 6, arbitrary: json.map((body) => ({ body, contentType: JSON_TYPE })) },
    { weight: 4, arbitrary: form.map((body) => ({ body, contentType: FORM_TYPE })) },
    { weight: 1, arbitrary: wrongShape.map((body) => ({ body, contentType: JSON_TYPE })) },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((body) => ({ body, contentType: JSON_TYPE })) },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_FORM).map((body) => ({ body, contentType: FORM_TYPE })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(json, form, nastyString), fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }))
        .map(([body, contentType]) => ({ body, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(JSON_TYPE, FORM_TYPE)
        .map((contentType) => ({ body: `{"name":"${'x'.repeat(BODY_LIMIT)}"}`, contentType })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );
  return text;
}

/** Authorization headers: good, another project's, public-only, live-looking, malformed. */
function authorization(world: FuzzWorld): fc.Arbitrary<string | undefined> {
  const [own, other] = world.projects;
  const secretBody = (secret: string) => secret.replace(/^key_sandbox_/, '');
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(basic(own!.id, own!.secret)) },
    { weight: 2, arbitrary: fc.constant(basic(other!.id, other!.secret)) },
    { weight: 1, arbitrary: fc.constant(basic(own!.id, `key_test_${secretBody(own!.secret)}`)) },
    { weight: 2, arbitrary: fc.constant(basic(own!.id, '')) },
    { weight: 1, arbitrary: fc.constant(basic(own!.id, other!.secret)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        basic('proj_LiveLookingProjectIdentifier01', `key_live_${'x'.repeat(32)}`),
        basic(own!.id, `key_live_${'x'.repeat(32)}`),
      ),
    },
    { weight: 2, arbitrary: fc.tuple(nastyString, nastyString).map(([user, password]) => basic(user, password)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom(
          'Basic',
          'Basic ',
          'Basic !!!',
          'Basic ====',
          'basic Zm9vOmJhcg',
          'Bearer abc',
          'Digest x',
          `Basic ${'A'.repeat(12_000)}`,
          'Basic Og==',
        ),
        fc.string({ unit: printableAscii, maxLength: 60 }),
        fc.string({ unit: latin1, maxLength: 30 }).map((s) => `Basic ${s}`),
      ),
    },
  );
}

const idempotencyKey = fc.option(
  fc.oneof(
    fc.constantFrom('k1', 'k2', 'k3', ' ', 'k1 '),
    fc.string({ unit: printableAscii, minLength: 1, maxLength: 80 }),
    fc.string({ unit: latin1, maxLength: 20 }),
  ),
  { nil: undefined, freq: 3 },
);

interface RouteTemplate {
  methods: string[];
  path: (world: FuzzWorld) => fc.Arbitrary<string>;
  body: BodyRoute | null;
}

function routes(world: FuzzWorld): RouteTemplate[] {
  const invoice = pathParam(world, () => world.invoiceIds);
  const project = pathParam(world, () => world.projects.map((p) => p.id));
  const conf = pathParam(world, () => world.gatewayConfigurationIds);
  const fixed = (path: string) => () => fc.constant(path);
  return [
    { methods: ['GET'], path: fixed('/'), body: null },
    { methods: ['POST'], path: fixed('/invoices'), body: 'invoice' },
    { methods: ['GET'], path: fixed('/invoices'), body: null },
    { methods: ['GET'], path: () => invoice.map((id) => `/invoices/${id}`), body: null },
    {
      methods: ['POST'],
      path: () => fc.tuple(invoice, fc.constantFrom('authorize', 'capture')).map(([id, action]) => `/invoices/${id}/${action}`),
      body: 'payment',
    },
    { methods: ['POST'], path: () => invoice.map((id) => `/invoices/${id}/void`), body: 'none' },
    { methods: ['GET'], path: () => invoice.map((id) => `/invoices/${id}/transactions`), body: null },
    { methods: ['GET'], path: () => pathParam(world, () => world.transactionIds).map((id) => `/transactions/${id}`), body: null },
    { methods: ['GET'], path: fixed('/gateway-configurations'), body: null },
    { methods: ['GET'], path: () => conf.map((id) => `/gateway-configurations/${id}`), body: null },
    { methods: ['GET'], path: fixed('/events'), body: null },
    { methods: ['GET'], path: () => pathParam(world, () => world.eventIds).map((id) => `/events/${id}`), body: null },
    { methods: ['GET'], path: () => pathParam(world, () => world.eventIds).map((id) => `/events/${id}/webhooks`), body: null },
    { methods: ['POST'], path: () => invoice.map((id) => `/_sandbox/invoices/${id}/complete`), body: 'complete' },
    { methods: ['GET'], path: () => fc.tuple(project, invoice).map(([p, id]) => `/checkout/${p}/${id}`), body: null },
    {
      methods: ['GET', 'POST'],
      path: () => fc.tuple(project, invoice, conf).map(([p, id, c]) => `/checkout/${p}/${id}/redirect/${c}`),
      body: 'checkout',
    },
    {
      methods: ['GET'],
      path: () => pathParam(world, () => ['test-alternative-payment.svg', 'test-wallet.svg']).map((n) => `/checkout/assets/logos/${n}`),
      body: null,
    },
    { methods: ['GET'], path: fixed('/openapi.json'), body: null },
    {
      methods: ['GET', 'POST'],
      path: () =>
        fc
          .array(
            pathParam(world, () => ['invoices', 'x']),
            { minLength: 1, maxLength: 5 },
          )
          .map((s) => `/${s.join('/')}`),
      body: 'none',
    },
  ];
}

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** One hostile request against any route. */
export function fuzzRequest(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const templates = routes(world).map((template) =>
    fc
      .record({
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...template.methods) },
          { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
        ),
        path: template.path(world),
        query: queryString(world),
        body: bodyAndType(world, template.body ?? 'none'),
        sendBody: fc.boolean(),
        auth: authorization(world),
        key: idempotencyKey,
        origin: fc.option(fc.constantFrom('https://evil.example', 'null'), { nil: undefined, freq: 5 }),
      })
      .map(({ method, path, query, body, sendBody, auth, key, origin }): FuzzRequest => {
        const headers: Record<string, string> = {};
        if (auth !== undefined) headers.authorization = auth;
        if (key !== undefined) headers['idempotency-key'] = key;
        if (origin !== undefined) headers.origin = origin;
        const withBody = method !== 'GET' && method !== 'HEAD' && (template.body !== null || sendBody);
        if (withBody && body.contentType !== undefined) headers['content-type'] = body.contentType;
        return { method, url: `${path}${query}`, headers, body: withBody ? body.body : undefined };
      }),
  );
  return fc.oneof(...templates);
}
