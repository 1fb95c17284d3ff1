/**
 * Reads the HTTP request a curl sample sends, so the page's "Try it" button sends exactly that request
 * (to the local sandbox, with the demo credentials) instead of a hand-written copy of it.
 *
 * The script is read, not run: variable assignments and `${NAME:-default}` expansions are resolved the
 * way bash would with the sample's documented variables unset, and the API address and credentials are
 * recognised by their variable names. A request that depends on anything else (an invoice ID to export
 * first, a file) cannot be sent from a page: the result then says why.
 */
import { parse, type ParseEntry } from 'shell-quote';

export interface TryItRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query string, appended to the sandbox URL, e.g. `/invoices` or `/gateway-configurations?filter=…`. */
  readonly path: string;
  /** Request headers other than authorization. */
  readonly headers: Readonly<Record<string, string>>;
  /** Form-encoded body exactly as curl sends it, or null. */
  readonly body: string | null;
}

export type CurlRequestResult = { readonly request: TryItRequest } | { readonly unsupported: string };

const API_URL_VARIABLE = 'PROCESSOUT_API_URL';
const CREDENTIAL_VARIABLES = new Set(['PROCESSOUT_PROJECT_ID', 'PROCESSOUT_PROJECT_SECRET']);

// Stand-ins for values the page supplies itself; NUL cannot occur in a script's own text.
const API_URL = '\u0000api-url\u0000';
const credential = (name: string) => `\u0000${name}\u0000`;
// eslint-disable-next-line no-control-regex -- NUL delimits the stand-ins above, deliberately
const UNRESOLVED = /\u0000unresolved:([^\u0000]*)\u0000/;

/** curl's options whose value is request data, by how curl sends it; every reader of curl samples uses this list. */
export const CURL_DATA_OPTIONS = {
  /** `name=value&…` sent as written; `@file` reads a file. */
  form: new Set(['-d', '--data', '--data-raw', '--data-ascii', '--data-binary']),
  /** `name=value` sent with the value URL-encoded. */
  urlencoded: new Set(['--data-urlencode']),
  /** One multipart/form-data field per option. */
  multipart: new Set(['-F', '--form', '--form-string']),
} as const;

const FLAGS = new Set(['-s', '-S', '-sS', '-Ss', '--silent', '--show-error', '-f', '--fail', '--fail-with-body', '-L', '--location']);
const GET_FLAGS = new Set(['-G', '--get']);

class Unsupported extends Error {}

/** Joins backslash-continued lines and splits the script into its simple command lines. */
function commandLines(script: string): string[] {
  return script
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** `${NAME}`, `${NAME:-default}`, `${NAME-default}`: shell-quote hands us what is inside the braces. */
function expansion(key: string): { name: string; fallback: string | undefined } {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*))?$/s.exec(key);
  if (!match) return { name: key, fallback: undefined };
  return { name: match[1]!, fallback: match[2] };
}

/** The words of one command line, and whether it is a simple command (no pipe, redirection, `&&`…). */
function words(line: string, variables: ReadonlyMap<string, string>): { words: string[]; simple: boolean } {
  const entries: ParseEntry[] = parse(line, (key: string) => {
    const { name, fallback } = expansion(key);
    if (name === API_URL_VARIABLE) return API_URL;
    if (CREDENTIAL_VARIABLES.has(name)) return credential(name);
    const value = variables.get(name) ?? fallback;
    return value ?? `\u0000unresolved:${name}\u0000`;
  });
  const result: string[] = [];
  let simple = true;
  for (const entry of entries) {
    if (typeof entry === 'string') result.push(entry);
    else if (!('comment' in entry)) simple = false;
  }
  return { words: result, simple };
}

/** `name=value` → `name=<value, URL-encoded>`, the way `curl --data-urlencode` sends it. */
function urlEncodedField(argument: string): string {
  const equals = argument.indexOf('=');
  if (argument.startsWith('@') || (equals === -1 && argument.includes('@'))) throw new Unsupported('--data-urlencode reads a file');
  if (equals === -1) return encodeURIComponent(argument);
  return `${argument.slice(0, equals + 1)}${encodeURIComponent(argument.slice(equals + 1))}`;
}

function requestOf(args: readonly string[]): TryItRequest {
  let url: string | undefined;
  let method: string | undefined;
  let asQuery = false;
  let authenticated = false;
  const data: string[] = [];
  const headers: Record<string, string> = {};

  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const value = () => {
      const next = args[index + 1];
      if (next === undefined) throw new Unsupported(`${arg} has no value`);
      index += 1;
      return next;
    };
    if (FLAGS.has(arg)) continue;
    if (GET_FLAGS.has(arg)) asQuery = true;
    else if (CURL_DATA_OPTIONS.form.has(arg)) {
      const field = value();
      if (field.startsWith('@')) throw new Unsupported(`${arg} reads a file`);
      data.push(field);
    } else if (CURL_DATA_OPTIONS.urlencoded.has(arg)) data.push(urlEncodedField(value()));
    else if (CURL_DATA_OPTIONS.multipart.has(arg)) throw new Unsupported(`${arg} sends a multipart form`);
    else if (arg === '-X' || arg === '--request') method = value().toUpperCase();
    else if (arg === '-H' || arg === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon <= 0) throw new Unsupported(`header "${header}" has no name`);
      headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (arg === '-u' || arg === '--user') {
      const user = value();
      if (user !== `${credential('PROCESSOUT_PROJECT_ID')}:${credential('PROCESSOUT_PROJECT_SECRET')}`) {
        throw new Unsupported('it authenticates with something other than PROCESSOUT_PROJECT_ID:PROCESSOUT_PROJECT_SECRET');
      }
      authenticated = true;
    } else if (arg === '--url') url = value();
    else if (arg.startsWith('-')) throw new Unsupported(`curl option ${arg} is not understood here`);
    else if (url === undefined) url = arg;
    else throw new Unsupported(`a second URL (${arg})`);
  }

  if (url === undefined) throw new Unsupported('no URL');
  if (!url.startsWith(API_URL)) throw new Unsupported(`the URL does not start with $${API_URL_VARIABLE}`);
  if (!authenticated) throw new Unsupported('it sends no credentials');
  const unresolved = [url, ...data, ...Object.values(headers)].map((text) => UNRESOLVED.exec(text)?.[1]).find(Boolean);
  if (unresolved) throw new Unsupported(`it needs $${unresolved}, which the page cannot know`);
  let path = url.slice(API_URL.length) || '/';
  if ([path, ...data, ...Object.values(headers)].some((text) => text.includes('\u0000'))) {
    throw new Unsupported('it puts the credentials or the API URL somewhere else');
  }
  if (!path.startsWith('/')) throw new Unsupported('the URL path does not start with "/"');
  const resolvedMethod = method ?? (data.length > 0 && !asQuery ? 'POST' : 'GET');
  if (resolvedMethod !== 'GET' && resolvedMethod !== 'POST') throw new Unsupported(`method ${resolvedMethod}`);
  let body: string | null = null;
  if (data.length > 0) {
    if (asQuery) path += `${path.includes('?') ? '&' : '?'}${data.join('&')}`;
    else body = data.join('&');
  }
  if (body !== null && headers['content-type'] === undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  return { method: resolvedMethod, path, headers, body };
}

/** Finds the one curl command of a shell sample and returns the request it sends. */
export function extractCurlRequest(script: string): CurlRequestResult {
  const variables = new Map<string, string>();
  const commands: string[][] = [];
  try {
    for (const line of commandLines(script)) {
      const { words: lineWords, simple } = words(line, variables);
      const [first = ''] = lineWords;
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(first);
      if (assignment && simple && lineWords.length === 1) {
        variables.set(assignment[1]!, assignment[2]!);
      } else if (first === 'curl') {
        if (!simple) return { unsupported: 'the curl command uses pipes, redirections or other shell syntax a page cannot replay' };
        commands.push(lineWords.slice(1));
      }
    }
    if (commands.length !== 1) return { unsupported: `the script runs ${commands.length} curl commands, not one` };
    return { request: requestOf(commands[0]!) };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
}
