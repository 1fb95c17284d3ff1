import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, DEMO_PROJECT } from '@apm-docs/sandbox';
import { SITE_ORIGINS } from '../../src/site-config/tryIt.ts';
import { extractCurlRequest, listSampleFolders, type TryItRequest } from '../../src/sample-files/index';

const script = (...lines: string[]) => ['#!/usr/bin/env bash', 'set -euo pipefail', ...lines, ''].join('\n');
const AUTH = '-u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET"';

describe('extractCurlRequest', () => {
  it('reads a form POST: -d as is, --data-urlencode encoded, the API URL and credentials recognised', () => {
    const source = script(
      '# #region create-invoice',
      'curl -sS --fail-with-body "${PROCESSOUT_API_URL:-https://api.processout.com}/invoices" \\',
      `  ${AUTH} \\`,
      '  --data-urlencode name="Amazing item" \\',
      '  -d amount="9.99" \\',
      '  --data-urlencode return_url="https://www.example.com/checkout/return"',
      '# #endregion',
    );
    expect(extractCurlRequest(source)).toEqual({
      request: {
        method: 'POST',
        path: '/invoices',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=Amazing%20item&amount=9.99&return_url=https%3A%2F%2Fwww.example.com%2Fcheckout%2Freturn',
      },
    });
  });

  it('puts the fields in the query string with --get', () => {
    const source = script(
      `curl -sS --get "$PROCESSOUT_API_URL/gateway-configurations" ${AUTH} -d filter=alternative-payment-methods -d expand=true`,
    );
    expect(extractCurlRequest(source)).toEqual({
      request: { method: 'GET', path: '/gateway-configurations?filter=alternative-payment-methods&expand=true', headers: {}, body: null },
    });
  });

  it('follows variable assignments and ${NAME:-default} defaults, as bash would with the variables unset', () => {
    const source = script(
      ': "${PROCESSOUT_PROJECT_ID:?export PROCESSOUT_PROJECT_ID first}"',
      'api_url="${PROCESSOUT_API_URL:-https://api.processout.com}"',
      `curl -sS "$api_url/things" ${AUTH} -d outcome="\${OUTCOME:-approve}" -X POST -H "Accept: application/json"`,
    );
    expect(extractCurlRequest(source)).toEqual({
      request: {
        method: 'POST',
        path: '/things',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'outcome=approve',
      },
    });
    expect(extractCurlRequest(script(`curl "$PROCESSOUT_API_URL" ${AUTH}`))).toMatchObject({ request: { method: 'GET', path: '/' } });
  });

  it.each([
    [
      'a value the reader must supply',
      `curl "$PROCESSOUT_API_URL/invoices/$INVOICE_ID/capture" ${AUTH} -d source="$GATEWAY_TOKEN"`,
      /needs \$INVOICE_ID/,
    ],
    ['another host', `curl "https://example.test/invoices" ${AUTH}`, /does not start with \$PROCESSOUT_API_URL/],
    ['no credentials', 'curl "$PROCESSOUT_API_URL/invoices" -d name=x', /sends no credentials/],
    ['other credentials', 'curl "$PROCESSOUT_API_URL/invoices" -u "$USER:$PASS"', /authenticates with something other/],
    [
      'the secret in the body',
      `curl "$PROCESSOUT_API_URL/invoices" ${AUTH} -d key="$PROCESSOUT_PROJECT_SECRET"`,
      /puts the credentials or the API URL somewhere else/,
    ],
    ['a file upload', `curl "$PROCESSOUT_API_URL/invoices" ${AUTH} -d @body.txt`, /reads a file/],
    [
      'a file upload with --data-binary',
      `curl "$PROCESSOUT_API_URL/invoices" ${AUTH} --data-binary @body.txt`,
      /--data-binary reads a file/,
    ],
    ['a multipart form', `curl "$PROCESSOUT_API_URL/invoices" ${AUTH} -F name=x`, /-F sends a multipart form/],
    ['an option it does not know', `curl -o out.json "$PROCESSOUT_API_URL/invoices" ${AUTH}`, /option -o is not understood/],
    ['a pipe', `curl "$PROCESSOUT_API_URL/invoices" ${AUTH} | jq .`, /pipes, redirections/],
    ['a method the sandbox routes do not take from a page', `curl -X DELETE "$PROCESSOUT_API_URL/invoices" ${AUTH}`, /method DELETE/],
  ])('leaves out a command with %s', (_case, line, reason) => {
    const result = extractCurlRequest(script(line));
    expect(result).not.toHaveProperty('request');
    expect((result as { unsupported: string }).unsupported).toMatch(reason);
  });

  it('leaves out a script with no curl command or with several', () => {
    expect(extractCurlRequest(script('echo hi'))).toEqual({ unsupported: 'the script runs 0 curl commands, not one' });
    const two = script(`curl "$PROCESSOUT_API_URL/" ${AUTH}`, `curl "$PROCESSOUT_API_URL/" ${AUTH}`);
    expect(extractCurlRequest(two)).toEqual({ unsupported: 'the script runs 2 curl commands, not one' });
  });
});

// What the "Try it" buttons will send, read from the real samples, must work against the sandbox from
// the local site: CORS allows it, and the sandbox answers it with the demo credentials.
describe('the requests of the curl samples', () => {
  const rootDir = fileURLToPath(new URL('../..', import.meta.url));
  let app: Awaited<ReturnType<typeof buildApp>>;
  const requests: [string, TryItRequest][] = [];

  beforeAll(async () => {
    app = await buildApp({ dbPath: ':memory:', siteOrigins: SITE_ORIGINS });
    for (const folder of listSampleFolders({ rootDir, samplesDir: path.join(rootDir, 'samples') })) {
      const curl = folder.files.find((file) => file.language === 'curl');
      const result = curl && extractCurlRequest(await readFile(curl.path, 'utf8'));
      if (result && 'request' in result) requests.push([folder.name, result.request]);
    }
  });

  afterAll(async () => {
    // afterAll runs even when beforeAll failed part-way, before this was set.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    await app?.close();
  });

  it('include the invoice creation of the APM prerequisites page', () => {
    expect(requests.map(([name]) => name)).toEqual(expect.arrayContaining(['create-invoice', 'create-invoice-deep-link']));
  });

  it.each(SITE_ORIGINS)('pass the CORS preflight from %s and succeed with the demo credentials', async (origin) => {
    const authorization = `Basic ${Buffer.from(`${DEMO_PROJECT.id}:${DEMO_PROJECT.secret}`).toString('base64')}`;
    for (const [name, request] of requests) {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: request.path,
        headers: {
          origin,
          'access-control-request-method': request.method,
          'access-control-request-headers': 'authorization,content-type,accept',
        },
      });
      expect(preflight.headers['access-control-allow-origin'], name).toBe(origin);
      const answer = await app.inject({
        method: request.method,
        url: request.path,
        headers: { ...request.headers, origin, authorization },
        ...(request.body === null ? {} : { payload: request.body }),
      });
      expect(answer.statusCode, `${name}: ${answer.body}`).toBe(200);
      expect(answer.headers['access-control-allow-origin'], name).toBe(origin);
    }
  });
});
