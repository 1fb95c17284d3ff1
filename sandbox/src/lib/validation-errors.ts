import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { INVALID_FIELD_CODES, MISSING_FIELD_CODES } from './error-catalogue.ts';
import { ApiError, type InvalidField } from './errors.ts';

// Maps schema-validation failures to the codes the real API uses (request.validation.missing-name,
// …invalid-amount, …invalid-currency, …invalid-url, …missing-source) with invalid_fields.

const AMOUNT_FIELDS = new Set(['amount', 'capture_amount', 'discount_amount']);

const FORMAT_MESSAGES: Record<string, string> = {
  'decimal-amount': 'must be a decimal string in major units, for example "9.99"',
  iso4217: 'must be an ISO 4217 currency code in upper case, for example "USD"',
  'return-url': 'must be an absolute http(s) URL or an app deep link such as your.application.id://processout/return',
  'web-url': 'must be an absolute http(s) URL',
};

const kebab = (name: string) => name.replace(/_/g, '-');

// Field-specific codes the real API uses, listed in the error catalogue. Any other field gets the
// real API's generic request.validation.error, so that clients only ever see documented codes.
const SPECIFIC_CODES = new Set([...MISSING_FIELD_CODES, ...INVALID_FIELD_CODES].map((entry) => entry.code));
const GENERIC_CODE = 'request.validation.error';

function fieldPath(error: FastifySchemaValidationError): string[] {
  const segments = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return missing ? [...segments, missing] : segments;
}

function codeFor(error: FastifySchemaValidationError, path: string[]): string {
  const leaf = [...path].reverse().find((segment) => !/^\d+$/.test(segment)) ?? '';
  if (error.keyword === 'required') return `request.validation.missing-${kebab(leaf)}`;
  if (AMOUNT_FIELDS.has(leaf)) return 'request.validation.invalid-amount';
  if (path[0] === 'metadata') return 'request.validation.invalid-metadata';
  if (leaf === 'currency') return 'request.validation.invalid-currency';
  if (leaf.endsWith('_url')) return 'request.validation.invalid-url';
  return `request.validation.invalid-${kebab(leaf)}`;
}

function messageFor(error: FastifySchemaValidationError, name: string): string {
  if (error.keyword === 'required') return `${name} is required`;
  const format = (error.params as { format?: string }).format;
  if (error.keyword === 'format' && format && FORMAT_MESSAGES[format]) return `${name} ${FORMAT_MESSAGES[format]}`;
  return `${name} ${error.message ?? 'is invalid'}`;
}

export function fromValidationErrors(errors: FastifySchemaValidationError[], context: string): ApiError {
  const first = errors[0];
  if (!first || (first.instancePath === '' && first.keyword === 'type')) {
    return new ApiError(400, 'request.bad-format', `The request ${context} must be an object.`);
  }
  const fields: InvalidField[] = errors.map((error) => {
    const name = fieldPath(error).join('.');
    return { name, message: messageFor(error, name) };
  });
  const derived = codeFor(first, fieldPath(first));
  const code = SPECIFIC_CODES.has(derived) ? derived : GENERIC_CODE;
  return new ApiError(400, code, fields.map((field) => field.message).join('; '), fields);
}
