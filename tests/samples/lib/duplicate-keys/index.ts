import type { SampleLanguageValue as Language } from '../../../../src/sample-files/index.ts';
import type { Tool } from '../tools.ts';
import { findCurlDuplicateKeys } from './curl.ts';
import { findExternalDuplicateKeys } from './external.ts';
import type { DuplicateKey } from './types.ts';
import { findTypeScriptDuplicateKeys } from './typescript.ts';

export type { DuplicateKey } from './types.ts';

/** The system tool each language's duplicate-key checker runs (TypeScript's runs in-process). */
export const DUPLICATE_KEY_CHECKER_TOOL: Record<Language, Tool | undefined> = {
  curl: 'bash',
  typescript: undefined,
  python: 'python3',
  ruby: 'ruby',
  php: 'php',
  go: 'go',
};

/** Keys repeated within one object/dict/hash/array/struct literal, or within one curl command. */
export async function findDuplicateKeys(language: Language, source: string): Promise<DuplicateKey[]> {
  switch (language) {
    case 'typescript':
      return findTypeScriptDuplicateKeys(source);
    case 'curl':
      return findCurlDuplicateKeys(source);
    default:
      return findExternalDuplicateKeys(language, source);
  }
}
