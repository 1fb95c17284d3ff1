// Amounts are decimal strings in major units ("9.99" is 9.99 USD), as in the real API.
// Arithmetic goes through BigInt at 4 decimals (the most ISO 4217 allows) so nothing is lost to floats.
import { minorUnits } from './currencies.ts';

const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;
const SCALE = 4;

export function isDecimalAmount(value: string): boolean {
  return DECIMAL.test(value);
}

export function decimalPlaces(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

/** Why the amount is not valid for the currency, or null when it is. */
export function amountProblem(amount: string, currency: string): string | null {
  if (!isDecimalAmount(amount)) return 'The amount must be a positive decimal string in major units, for example "9.99".';
  const allowed = minorUnits(currency);
  if (allowed !== undefined && decimalPlaces(amount) > allowed) {
    return `${currency} allows ${allowed} decimal place${allowed === 1 ? '' : 's'}; got "${amount}".`;
  }
  return null;
}

/** The amount as the API answers it: no leading zeros ("009.99" → "9.99", "000" → "0"). */
export function canonicalAmount(value: string): string {
  return value.replace(/^0+(?=\d)/, '');
}

/** BigInt units back to a decimal string with `places` decimals. */
function fromUnits(units: bigint, places: number): string {
  const sign = units < 0n ? '-' : '';
  const abs = units < 0n ? -units : units;
  const scale = 10n ** BigInt(SCALE);
  const fraction = (abs % scale).toString().padStart(SCALE, '0').slice(0, places);
  return `${sign}${abs / scale}${fraction ? `.${fraction}` : ''}`;
}

/** a + b of valid decimal strings, with as many decimals as the more precise one ("9.99" + "0.01" → "10.00"). */
export function addAmounts(a: string, b: string): string {
  return fromUnits(toUnits(a) + toUnits(b), Math.max(decimalPlaces(a), decimalPlaces(b)));
}

/** a − b, as addAmounts; may be negative. */
export function subtractAmounts(a: string, b: string): string {
  return fromUnits(toUnits(a) - toUnits(b), Math.max(decimalPlaces(a), decimalPlaces(b)));
}

function toUnits(value: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(fraction.padEnd(SCALE, '0') || '0');
}

export function compareAmounts(a: string, b: string): number {
  const diff = toUnits(a) - toUnits(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}
