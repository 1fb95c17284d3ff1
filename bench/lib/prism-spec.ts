import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

// The published invoices OpenAPI stores its response examples as JSON *strings*
// (`value: "{\n \"invoice\": …}"`). Prism accepts the file but then answers every request with that
// string as the body and logs a "Response body must be object" violation each time. The copy made
// here parses those strings into the objects they spell, so Prism answers what the real API would.

/** Writes a Prism-ready JSON copy of an OpenAPI YAML file; returns how many examples it converted. */
export function writePrismReadySpec(source: string, target: string): number {
  let converted = 0;
  const fix = (node: unknown, parentKey: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => fix(item, ''));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fix(value, key)]));
    }
    if (typeof node === 'string' && (parentKey === 'value' || parentKey === 'example') && /^\s*[[{]/.test(node)) {
      try {
        const parsed = JSON.parse(node) as unknown;
        converted++;
        return parsed;
      } catch {
        return node;
      }
    }
    return node;
  };
  writeFileSync(target, JSON.stringify(fix(parse(readFileSync(source, 'utf8')), ''), null, 2));
  return converted;
}
