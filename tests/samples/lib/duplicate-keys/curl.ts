// shell-quote's index.d.ts augments the global Array type; its parse module alone does not.
import parseShellWords from 'shell-quote/parse.js';
import { CURL_DATA_OPTIONS } from '../../../../src/sample-files/index.ts';
import { run } from '../run.ts';
import type { DuplicateKey } from './types.ts';

/** Options whose value is form data; `--data-urlencode` reads `name=content` differently. */
const FORM_OPTIONS = new Set([...CURL_DATA_OPTIONS.form, ...CURL_DATA_OPTIONS.multipart]);
const URLENCODE_OPTIONS = CURL_DATA_OPTIONS.urlencoded;
const DATA_OPTIONS = [...FORM_OPTIONS, ...URLENCODE_OPTIONS];
/** The one-letter ones, which curl also reads with the value attached (`-da=1`). */
const SHORT_DATA_OPTIONS = DATA_OPTIONS.filter((option) => /^-[A-Za-z]$/.test(option));
/** Words that can precede a command on the same line once bash has re-printed the script. */
const COMMAND_PREFIXES = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{', 'time', 'exec', 'command']);

/**
 * Lets bash itself parse the script: wrapped in a function, `declare -f` prints it back with comments
 * dropped, backslash-continued lines joined and one simple command per statement (ending in `;`).
 * Defining the function runs nothing.
 */
async function normalizeWithBash(source: string): Promise<string> {
  const result = await run('bash', ['--noprofile', '--norc', '-c', 'eval "__sample() {\n$1\n}" && declare -f __sample', '_', source]);
  if (result.exitCode !== 0) throw new Error(`bash cannot parse the script:\n${result.stderr}`);
  return result.stdout;
}

/** The shell words of each command, split on control operators (`;`, `|`, `&&`, `$(`…). */
function commandsOf(normalized: string): string[][] {
  const commands: string[][] = [[]];
  // Keep $VARIABLES as written: only their shape matters here.
  for (const entry of parseShellWords(normalized, (name) => `$${name}`)) {
    if (typeof entry === 'string') commands.at(-1)?.push(entry);
    else if ('pattern' in entry) commands.at(-1)?.push(entry.pattern);
    else if ('op' in entry) commands.push([]);
  }
  return commands;
}

function curlArguments(words: string[]): string[] | undefined {
  let start = 0;
  while (start < words.length) {
    const word = words[start] ?? '';
    if (!COMMAND_PREFIXES.has(word) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) break;
    start += 1;
  }
  return words[start] === 'curl' ? words.slice(start + 1) : undefined;
}

/** The form field names a curl command sends, in order. */
function dataKeys(args: string[]): string[] {
  const keys: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const [option, attached] = splitOption(args[index] ?? '');
    if (!FORM_OPTIONS.has(option) && !URLENCODE_OPTIONS.has(option)) continue;
    let value = attached;
    if (value === undefined) {
      index += 1;
      value = args[index] ?? '';
    }
    if (URLENCODE_OPTIONS.has(option)) {
      // name=content, name@file; "=content", "content" and "@file" have no name.
      const name = /^([^=@]+)[=@]/.exec(value)?.[1];
      if (name) keys.push(name);
    } else if (!value.startsWith('@')) {
      // -d joins fields with "&" (-d 'a=1&b=2'); a -F value is one field.
      const fields = CURL_DATA_OPTIONS.multipart.has(option) ? [value] : value.split('&');
      for (const field of fields) {
        const name = /^([^=]+)=/.exec(field)?.[1];
        if (name) keys.push(name);
      }
    }
  }
  return keys;
}

/** "--data=a=1" → ["--data", "a=1"]; "-da=1" → ["-d", "a=1"]; anything else is returned whole. */
function splitOption(arg: string): [string, string | undefined] {
  const long = /^(--[a-z-]+)=(.*)$/s.exec(arg);
  if (long?.[1] && DATA_OPTIONS.includes(long[1])) return [long[1], long[2]];
  const short = arg.slice(0, 2);
  if (arg.length > 2 && SHORT_DATA_OPTIONS.includes(short)) return [short, arg.slice(2)];
  return [arg, undefined];
}

/** 1-based lines where `key=` (or `key@`) follows a data option in the source, in order. */
function linesOfKey(source: string, key: string): number[] {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const options = DATA_OPTIONS.map(escape).join('|');
  const pattern = new RegExp(`(?:${options})[\\s=]+["']?${escape(key)}[=@]`);
  return source.split('\n').flatMap((line, index) => (pattern.test(line) ? [index + 1] : []));
}

/**
 * Repeated form fields within one curl command (e.g. two `return_url`), which the API reads as
 * last-wins. Keys ending in `[]` are arrays and may repeat.
 */
export async function findCurlDuplicateKeys(source: string): Promise<DuplicateKey[]> {
  const duplicates: DuplicateKey[] = [];
  // How many times each key was sent so far in the script, to point at the right source line.
  const sent = new Map<string, number>();
  for (const words of commandsOf(await normalizeWithBash(source))) {
    const args = curlArguments(words);
    if (!args) continue;
    const firstIndex = new Map<string, number>();
    for (const key of dataKeys(args)) {
      const index = sent.get(key) ?? 0;
      sent.set(key, index + 1);
      if (key.endsWith('[]')) continue;
      const first = firstIndex.get(key);
      if (first === undefined) {
        firstIndex.set(key, index);
        continue;
      }
      const lines = linesOfKey(source, key);
      duplicates.push({ key, line: lines[index] ?? 0, firstLine: lines[first] ?? 0 });
    }
  }
  return duplicates;
}

export interface BrokenContinuation {
  /** 1-based line that ends with a backslash. */
  line: number;
  reason: string;
}

/**
 * A backslash-continued command cut short by a comment or blank line: bash ends the command
 * there and runs the following `-d …` line as a command of its own.
 */
export function findBrokenContinuations(source: string): BrokenContinuation[] {
  const lines = source.split('\n');
  return lines.flatMap((line, index) => {
    if (!/(^|[^\\])(\\\\)*\\$/.test(line)) return [];
    const next = lines[index + 1];
    if (next === undefined || next.trim() === '') return [{ line: index + 1, reason: 'continues into a blank line' }];
    if (next.trim().startsWith('#')) return [{ line: index + 1, reason: 'continues into a comment, which ends the command' }];
    return [];
  });
}
