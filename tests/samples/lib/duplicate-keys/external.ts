import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runOrThrow } from '../run.ts';
import type { DuplicateKey } from './types.ts';

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Each checker is a small program in the sample's own language, using that language's parser; source goes on stdin. */
const CHECKERS = {
  python: { command: 'python3', args: [script('duplicate_keys.py')] },
  ruby: { command: 'ruby', args: [script('duplicate_keys.rb')] },
  php: { command: 'php', args: [script('duplicate_keys.php')] },
  // go run outside a module works because the checker imports the standard library only.
  go: { command: 'go', args: ['run', script('duplicate_keys.go')] },
} as const;

export type ExternalCheckerLanguage = keyof typeof CHECKERS;

export async function findExternalDuplicateKeys(language: ExternalCheckerLanguage, source: string): Promise<DuplicateKey[]> {
  const { command, args } = CHECKERS[language];
  const stdout = await runOrThrow(command, args, { input: source, cwd: os.tmpdir(), timeoutMs: 120_000 });
  return JSON.parse(stdout) as DuplicateKey[];
}
