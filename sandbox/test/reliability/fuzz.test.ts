import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, DEMO_PROJECT, type SandboxApp } from '@apm-docs/sandbox';
import { recordFigures } from './lib/figures.ts';
import { BODY_LIMIT, fuzzRequest, type FuzzRequest, type FuzzWorld } from './lib/fuzz-requests.ts';
import { buildFuzzWorld, learnFromResponse } from './lib/fuzz-world.ts';
import { responseProblem, type ObservedResponse, type ReturnTargets } from './lib/response-check.ts';
import { COUNTS, LONG_TEST_MS } from './lib/scale.ts';
import { storeFingerprint, storeProblems, stuckIdempotencyKeys } from '@apm-docs/sandbox/testing';
import { basicAuth, rawRequest, send } from '../lib/client.ts';

// Property-based fuzzing of every route (see lib/fuzz-requests.ts for what is generated). For each
// request: never a 5xx; errors are the {success:false, error_type, message} envelope with a code
// sandbox/README.md documents, at its documented status; a failed request writes nothing. After
// the run: the server still answers, the store is sound, nothing is polluted.

const OTHER_PROJECT = { id: 'test-proj_reliabilityFuzzOtherProject01', secret: 'key_sandbox_reliabilityFuzzOtherSecret' };
const DEMO_AUTH = basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret);

let app: SandboxApp;
let world: FuzzWorld;
let baseUrl: string;
const blockedDeliveries: string[] = [];
const figures = { requestsFuzzed: 0, injected: 0, overHttp: 0, rawHttp: 0, fiveXx: 0, crashes: 0, problems: 0 };

function isLoopback(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

function findInvoice(id: string): ReturnTargets | undefined {
  for (const project of world.projects) {
    const invoice = app.store.findInvoice(project.id, id);
    if (invoice) return invoice;
  }
  return undefined;
}

/** Checks one answer; throws (so fast-check reports and shrinks the request) when something is wrong. */
function judge(request: FuzzRequest, response: ObservedResponse, before: string): void {
  figures.requestsFuzzed++;
  if (response.status >= 500) figures.fiveXx++;
  const problem = responseProblem(request.method, request.url, response, findInvoice);
  const wrote = response.status >= 400 && storeFingerprint(app.store) !== before;
  if (problem || wrote) {
    figures.problems++;
    const detail = `HTTP ${response.status} ${response.text.slice(0, 300)}`;
    throw new Error(problem ? `${problem}: ${detail}` : `a failed request changed the store: ${detail}`);
  }
  if (response.status < 300) learnFromResponse(world, response.text);
}

beforeAll(async () => {
  // Generated webhook URLs may name any host: deliveries may only ever reach loopback.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!isLoopback(url)) {
      blockedDeliveries.push(url);
      return Promise.reject(new TypeError('blocked: the fuzz test only allows loopback deliveries'));
    }
    return realFetch(input, init);
  });
  app = await buildApp({
    bodyLimit: BODY_LIMIT,
    extraProjects: [OTHER_PROJECT],
    // Nothing changes in the background while requests are judged: no pending settlement, no retries.
    pendingDelayMs: 3_600_000,
    webhookRetry: { maxAttempts: 1, timeoutMs: 500 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  world = await buildFuzzWorld(app, [DEMO_PROJECT, OTHER_PROJECT]);
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed part-way
  await app?.close();
  vi.unstubAllGlobals();
  recordFigures('fuzz', { ...figures, blockedNonLoopbackDeliveries: blockedDeliveries.length });
});

async function stillAnswers(): Promise<void> {
  const response = await app.inject({ method: 'GET', url: '/', headers: { authorization: DEMO_AUTH } });
  if (response.statusCode !== 200) figures.crashes++;
  expect(response.statusCode).toBe(200);
}

describe('fuzzing every route', () => {
  it(
    `answers ${COUNTS.fuzzInjected} generated requests (app.inject) with documented JSON errors and no 5xx`,
    { timeout: LONG_TEST_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(fuzzRequest(world), async (request) => {
          const before = storeFingerprint(app.store);
          const response = await app.inject({
            method: request.method as 'GET',
            url: request.url,
            headers: request.headers,
            payload: request.body,
          });
          figures.injected++;
          judge(request, { status: response.statusCode, headers: response.headers, text: response.body }, before);
        }),
        { numRuns: COUNTS.fuzzInjected },
      );
      await stillAnswers();
    },
  );

  it(`answers ${COUNTS.fuzzHttp} generated requests over real sockets the same way`, { timeout: LONG_TEST_MS }, async () => {
    // node:http refuses to send some generated requests (e.g. raw unicode in a path), and a request
    // head over Node's 16 KiB limit is refused before its method is known (a HEAD request would then
    // get an answer with a body its client cannot parse): those are left to app.inject() and to
    // the raw-socket cases below.
    const headBytes = (request: FuzzRequest) => request.url.length + Object.values(request.headers).join('').length;
    const sendable = fuzzRequest(world).filter(
      (request) =>
        headBytes(request) < 15_000 &&
        /^[\x21-\x7e]*$/.test(request.url) &&
        Object.values(request.headers).every((v) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v)),
    );
    await fc.assert(
      fc.asyncProperty(sendable, async (request) => {
        const before = storeFingerprint(app.store);
        const response = await send(baseUrl, { method: request.method, url: request.url, headers: request.headers, body: request.body });
        figures.overHttp++;
        judge(request, response, before);
      }),
      { numRuns: COUNTS.fuzzHttp },
    );
    await stillAnswers();
  });

  // Requests the fuzzer once found failing (5xx or a non-envelope answer), kept as fixed cases.
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const REGRESSIONS: [string, FuzzRequest][] = [
    ['an undecodable path', { method: 'GET', url: '/invoices/%E0%A4%A', headers: { authorization: DEMO_AUTH } }],
    [
      'an id longer than the router limit',
      {
        method: 'POST',
        url: `/invoices/${'9'.repeat(400)}/void`,
        headers: { authorization: DEMO_AUTH, 'content-type': 'application/json' },
        body: '{}',
      },
    ],
    [
      'a preflight with an unsupported body',
      { method: 'OPTIONS', url: '/invoices/x/transactions', headers: { 'content-type': 'text/plain' }, body: 'x' },
    ],
    [
      'a deeply nested body with an Idempotency-Key',
      {
        method: 'POST',
        url: '/invoices/iv_x/void',
        headers: { authorization: DEMO_AUTH, 'content-type': 'application/json', 'idempotency-key': 'deep' },
        body: deep(5_000),
      },
    ],
    ['limit=Infinity', { method: 'GET', url: '/invoices?limit=Infinity', headers: { authorization: DEMO_AUTH } }],
    ['limit=1e400 on events', { method: 'GET', url: '/events?limit=1e400', headers: { authorization: DEMO_AUTH } }],
    [
      'a field without a specific error code',
      { method: 'GET', url: '/gateway-configurations?expand_merchant_accounts=maybe', headers: { authorization: DEMO_AUTH } },
    ],
    [
      'a statement_descriptor over 22 characters',
      {
        method: 'POST',
        url: '/invoices',
        headers: { authorization: DEMO_AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', amount: '1.00', currency: 'EUR', statement_descriptor: 'x'.repeat(23) }),
      },
    ],
  ];

  it.each(REGRESSIONS)('answers %s with a documented error', async (_name, request) => {
    const before = storeFingerprint(app.store);
    const response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      payload: request.body,
    });
    judge(request, { status: response.statusCode, headers: response.headers, text: response.body }, before);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });

  const RAW_CASES: [string, string | Buffer, boolean?][] = [
    ['garbage request line', 'GARBAGE\r\n\r\n'],
    ['bad percent-encoding in the path', `GET /invoices/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\n\r\n`],
    ['a lone % in the path', `GET /% HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['control character in a header', 'GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n'],
    [
      'Content-Length and Transfer-Encoding together',
      'POST /invoices HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    [
      'a bad chunk size',
      `POST /invoices HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    ],
    ['a negative Content-Length', 'POST /invoices HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'],
    ['headers over 16 KiB', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['a NUL byte in the request line', 'GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['HTTP/1.0 without Host', `GET / HTTP/1.0\r\nAuthorization: ${DEMO_AUTH}\r\n\r\n`],
    [
      'a body cut short (Content-Length 100, 10 bytes sent)',
      `POST /invoices HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":"x`,
      true,
    ],
    [
      'a chunked body over the limit',
      `POST /invoices HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${(BODY_LIMIT + 10).toString(16)}\r\n${'x'.repeat(BODY_LIMIT + 10)}\r\n0\r\n\r\n`,
    ],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['pipelined good and bad requests', `GET / HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\n\r\nNOPE / HTTP/1.1\r\n\r\n`],
  ];

  it.each(RAW_CASES)(
    'answers malformed HTTP (%s) with the JSON envelope or closes, and keeps answering',
    async (_name, bytes, halfClose) => {
      const before = storeFingerprint(app.store);
      const { raw, status, headers, body } = await rawRequest(Number(new URL(baseUrl).port), bytes, {
        waitMs: 1_500,
        endAfterWrite: halfClose === true,
        untilAnswer: true,
      });
      figures.rawHttp++;
      figures.requestsFuzzed++;
      const answer = status === null ? null : { status, headers, text: body };
      if (answer) {
        if (answer.status >= 500) figures.fiveXx++;
        expect(responseProblem('GET', '/', answer, findInvoice), raw.slice(0, 300)).toBeNull();
        expect(answer.status).toBeGreaterThanOrEqual(200);
      } else {
        expect(raw, 'either an HTTP answer or a closed connection').toBe('');
      }
      expect(storeFingerprint(app.store)).toBe(before);
      await stillAnswers();
    },
  );

  it('leaves a sound store, no stuck idempotency keys and no polluted prototypes', async () => {
    await stillAnswers();
    expect(storeProblems(app.store)).toEqual([]);
    expect(stuckIdempotencyKeys(app.store)).toBe(0);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(figures.fiveXx).toBe(0);
    expect(figures.requestsFuzzed).toBeGreaterThanOrEqual(COUNTS.fuzzInjected + COUNTS.fuzzHttp);
  });
});
