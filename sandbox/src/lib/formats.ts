import type { Ajv } from 'ajv';
import { isCurrency } from './currencies.ts';
import { isDecimalAmount } from './money.ts';
import { isReturnUrl, isWebUrl } from './urls.ts';

/** JSON Schema formats used by route schemas (they appear in the published OpenAPI as is). */
export const FORMATS: Record<string, (value: string) => boolean> = {
  'decimal-amount': isDecimalAmount,
  iso4217: isCurrency,
  'return-url': isReturnUrl,
  'web-url': isWebUrl,
};

export function addSandboxFormats(ajv: Ajv): Ajv {
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}
