// Every HTTP request the official SDKs sent while running our samples (shared/reference/sdk/traffic),
// replayed against a fresh sandbox: it must get the answer the SDK got (a 2xx, or the recorded error
// of a deliberate negative run), and that answer must decode in all five SDKs (decoding/schemas.json).
// A sandbox change that breaks any SDK fails here without installing one.
import { beforeAll, describe, expect, it } from 'vitest';
import { SDK_LANGUAGES, groupOf, loadTraffic, type RecordedRequest } from './lib/reference.ts';
import { Replayer } from './lib/replayer.ts';
import { validateSdkAnswer } from './lib/sdk-schemas.ts';

const MAX_QUERY_IN_NAME = 90;

/** `sample list-apms: GET /gateway-configurations?expand_merchant_accounts=True&filter=…` */
function testName(request: RecordedRequest, index: number): string {
  const { kind, key } = groupOf(request);
  const query = request.query === null ? '' : `?${request.query}`;
  const shownQuery = query.length > MAX_QUERY_IN_NAME ? `${query.slice(0, MAX_QUERY_IN_NAME)}…` : query;
  return `#${index + 1} ${kind} ${key}: ${request.method} ${request.path}${shownQuery}`;
}

describe.each(SDK_LANGUAGES.map((language) => [language, loadTraffic(language)] as const))('%s SDK traffic', (language, traffic) => {
  let replayer: Replayer;
  const validated = new Set<number>();

  beforeAll(async () => {
    replayer = await Replayer.start(traffic);
    return () => replayer.close();
  });

  traffic.requests.forEach((request, index) => {
    it(`${traffic.sdk} ${traffic.sdk_version} ${testName(request, index)}`, async () => {
      const answer = await replayer.replay(index);
      const summary = JSON.stringify(answer.body);
      if (request.expected) {
        expect({ status: answer.status, error_type: (answer.body as { error_type?: unknown } | undefined)?.error_type }, summary).toEqual({
          status: request.expected.status,
          error_type: request.expected.error_type,
        });
      } else {
        expect(answer.status >= 200 && answer.status < 300, `${answer.status} ${summary}`).toBe(true);
      }
      const check = validateSdkAnswer(request.method, request.path, answer.status, answer.body, { samples: request.sample !== undefined });
      expect(check.route, 'the route has an x-routes entry in decoding/schemas.json').not.toBeNull();
      expect(check.errors, `${check.route} → ${check.schema}`).toEqual([]);
      validated.add(index);
    });
  });

  it(`${language}: replayed every recorded request and validated every answer`, () => {
    expect(validated.size).toBe(traffic.requests.length);
    console.info(
      `sdk-conformance ${traffic.sdk} ${traffic.sdk_version}: ${traffic.requests.length} requests replayed, ${validated.size} answers validated`,
    );
  });
});
