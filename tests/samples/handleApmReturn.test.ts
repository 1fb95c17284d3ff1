import { afterEach, describe, expect, it, vi } from 'vitest';
import { readApmReturn, sendTokenToBackend } from '../../samples/handle-apm-return/handle-apm-return.ts';

describe('the handle-apm-return browser module', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the token decoded: the return URL carries it URL-encoded', () => {
    expect(readApmReturn('https://shop.example/checkout/return?token=gway_req_YWJj%2Bx%3D%3D')).toEqual({
      status: 'success',
      token: 'gway_req_YWJj+x==',
    });
  });

  // The page says the backend must not trust an invoice ID from the browser: the sample sends none.
  it('posts the order reference and the token to the backend, and no invoice ID', async () => {
    const fetch = vi.fn(
      async () => new Response('{"status":"completed"}', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    await expect(sendTokenToBackend('/checkout/pay', { orderId: 'order_42', token: 'gway_req_abc' })).resolves.toEqual({
      status: 'completed',
    });
    const [endpoint, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(endpoint).toBe('/checkout/pay');
    expect(JSON.parse(init.body as string)).toEqual({ order_id: 'order_42', token: 'gway_req_abc' });
  });
});
