import { readFileSync } from 'node:fs';

// The allow-list of error_type values, read once from the "Error codes" table of sandbox/README.md,
// the page integrators read. A code the sandbox sends but does not document fails the tests.
// In a cell, `…missing-amount` abbreviates the first code's prefix (`request.validation.`).

const README = new URL('../../../README.md', import.meta.url);

function errorCodeTable(markdown: string): string[] {
  const start = markdown.indexOf('### Error codes');
  if (start < 0) throw new Error('sandbox/README.md has no "### Error codes" section');
  const rest = markdown.slice(start + 1);
  const end = rest.search(/\n#{1,3} /);
  return rest
    .slice(0, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => /^\|\s*\d{3}\s*\|/.test(line));
}

function codesOfCell(cell: string): string[] {
  const codes = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
  const first = codes[0];
  if (!first) return [];
  const prefix = first.slice(0, first.lastIndexOf('.') + 1);
  return codes.map((code) => (code.startsWith('…') ? prefix + code.slice(1) : code));
}

/** error_type → the HTTP statuses the README documents for it. */
export function documentedErrorTypes(markdown = readFileSync(README, 'utf8')): Map<string, Set<number>> {
  const documented = new Map<string, Set<number>>();
  for (const row of errorCodeTable(markdown)) {
    const [, status, cell] = row.split('|').map((part) => part.trim());
    for (const code of codesOfCell(cell ?? '')) {
      const statuses = documented.get(code) ?? new Set<number>();
      statuses.add(Number(status));
      documented.set(code, statuses);
    }
  }
  if (documented.size === 0) throw new Error('no error codes found in sandbox/README.md');
  return documented;
}

export const DOCUMENTED_ERRORS = documentedErrorTypes();

/** Why a response is not a documented API error, or null when it is one. */
export function errorEnvelopeProblem(status: number, contentType: string | undefined, text: string): string | null {
  if (!(contentType ?? '').startsWith('application/json')) return `content-type ${contentType} is not JSON`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  const envelope = body as { success?: unknown; error_type?: unknown; message?: unknown; invalid_fields?: unknown };
  if (envelope.success !== false) return 'success is not false';
  if (typeof envelope.message !== 'string' || envelope.message === '') return 'message is missing';
  if (typeof envelope.error_type !== 'string') return 'error_type is missing';
  const statuses = DOCUMENTED_ERRORS.get(envelope.error_type);
  if (!statuses) return `error_type ${envelope.error_type} is not documented`;
  if (!statuses.has(status)) return `error_type ${envelope.error_type} is documented with ${[...statuses].join(', ')}, not ${status}`;
  const fields = envelope.invalid_fields;
  if (fields !== undefined) {
    const wellFormed =
      Array.isArray(fields) &&
      fields.every((f: { name?: unknown; message?: unknown }) => typeof f.name === 'string' && typeof f.message === 'string');
    if (!wellFormed) return 'invalid_fields is not a list of {name, message}';
  }
  return null;
}
