import { createHash, randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Random bytes are drawn from the CSPRNG in blocks: one call per id cost more than the rest of an
// invoice creation under load.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function randomByte(): number {
  if (poolOffset === pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  return pool[poolOffset++]!;
}

/** 32 random alphanumerics, the length ProcessOut uses after an id prefix (iv_, tr_, ev_…). */
export function randomAlphanumeric(length = 32): string {
  let out = '';
  // Rejection sampling keeps the distribution uniform (248 = 4 * 62).
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += ALPHANUMERIC.charAt(byte % 62);
  }
  return out;
}

export function newId(prefix: 'iv_' | 'iv_det_' | 'tr_' | 'tr_op_' | 'ev_' | 'wh_' | 'refd_'): string {
  return prefix + randomAlphanumeric();
}

/** Stable alphanumerics derived from a seed: seeded objects keep their ids across restarts. */
export function stableAlphanumeric(seed: string, length = 32): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; out.length < length; i++) out += ALPHANUMERIC.charAt(digest[i % digest.length]! % 62);
  return out;
}
