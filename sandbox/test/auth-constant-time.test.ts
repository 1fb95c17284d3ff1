// The secret key is compared in constant time (issue 12, defect 10): every check goes through
// crypto.timingSafeEqual, whatever the lengths of the two secrets.
import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { basicAuth } from './lib/client.ts';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const { authenticate } = await import('../src/plugins/auth.ts');
const { DEMO_PROJECT } = await import('../src/demo.ts');

const header = (secret: string) => basicAuth(DEMO_PROJECT.id, secret);
const find = (id: string) => (id === DEMO_PROJECT.id ? DEMO_PROJECT : undefined);

describe('secret comparison', () => {
  it('uses crypto.timingSafeEqual for right, wrong and differently sized secrets', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(authenticate(header(DEMO_PROJECT.secret), 'secret', find).id).toBe(DEMO_PROJECT.id);
    expect(() => authenticate(header(`${DEMO_PROJECT.secret.slice(0, -1)}x`), 'secret', find)).toThrow(/does not match/);
    expect(() => authenticate(header('key_sandbox_short'), 'secret', find)).toThrow(/does not match/);
    expect(() => authenticate(header(`key_test_${'x'.repeat(500)}`), 'secret', find)).toThrow(/does not match/);
    expect(spy).toHaveBeenCalledTimes(4);
    for (const [a, b] of spy.mock.calls) expect((a as Buffer).length).toBe((b as Buffer).length);
  });
});
