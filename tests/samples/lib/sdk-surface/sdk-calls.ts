// Checks the SDK calls of a PHP or Ruby sample against the surface parsed from surface.md: every SDK
// class and method the sample uses must be there, called with an arity the signature allows, on
// what the previous call really returns (Ruby capture gives an Array, PHP capture a \stdClass).
// sdk_calls.php / sdk_calls.rb read the sample with the language's own parser (PhpToken, Ripper).
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runOrThrow } from '../run.ts';
import type { CallSurface, SdkType } from './call-surface.ts';

type Root = { var: string } | { new: string; argc: number } | { const: string };
type Link = { call: string; argc: number; line: number } | { property: string; line: number } | { index: true };
interface Chain {
  root: Root;
  links: Link[];
}
type Statement =
  | { kind: 'assign'; var: string; value: Chain | null; line: number }
  | { kind: 'destructure'; vars: string[]; value: Chain | null; line: number }
  | { kind: 'foreach'; var: string; value: Chain; line: number }
  | { kind: 'catch'; var: string; classes: string[]; line: number }
  | { kind: 'class'; name: string; line: number }
  | { kind: 'expr'; value: Chain; line: number };
interface Extracted {
  statements: Statement[];
  /** Ruby: the public methods of Array and Object, from the running interpreter. */
  arrayMethods?: string[];
  objectMethods?: string[];
}

export interface SdkCallFinding {
  line: number;
  message: string;
}

export interface SdkCallReport {
  /** The calls the surface does not have, or not with that arity or on that value. */
  findings: SdkCallFinding[];
  /** The SDK calls found in the surface, e.g. "ProcessOut\\Invoice::capture/1", in source order. */
  checked: string[];
}

const EXTRACTORS = {
  php: { command: 'php', script: fileURLToPath(new URL('sdk_calls.php', import.meta.url)) },
  ruby: { command: 'ruby', script: fileURLToPath(new URL('sdk_calls.rb', import.meta.url)) },
} as const;

type Typed = SdkType | { kind: 'classref'; name: string } | { kind: 'union'; items: SdkType[] };
const UNKNOWN: Typed = { kind: 'unknown' };

const describe = (type: Typed): string => {
  switch (type.kind) {
    case 'class':
    case 'classref':
      return type.name;
    case 'list':
      return `a list of ${describe(type.of)}`;
    case 'tuple':
      return `an Array [${type.items.map(describe).join(', ')}]`;
    case 'record':
      return `a \\stdClass with ${Object.keys(type.fields)
        .map((field) => `->${field}`)
        .join(', ')}`;
    case 'union':
      return type.items.map(describe).join(' | ');
    default:
      return 'an unknown value';
  }
};

/** The SDK calls a sample makes, checked against the surface. */
export async function checkSdkCalls(surface: CallSurface, source: string): Promise<SdkCallReport> {
  const { command, script } = EXTRACTORS[surface.language];
  const extracted = JSON.parse(await runOrThrow(command, [script], { input: source, cwd: os.tmpdir(), timeoutMs: 60_000 })) as Extracted;
  const arrayMethods = new Set(extracted.arrayMethods ?? []);
  const objectMethods = new Set(extracted.objectMethods ?? []);
  const separator = surface.language === 'php' ? '::' : '#';
  const findings = new Map<string, SdkCallFinding>();
  const checked = new Set<string>();
  const report = (line: number, message: string) => findings.set(`${line} ${message}`, { line, message });
  const isSdkName = (name: string) => name.startsWith(surface.namespace);
  const knownClass = (name: string, line: number): boolean => {
    if (surface.classes.has(name)) return true;
    if (isSdkName(name)) report(line, `${name} is not an SDK class in surface.md`);
    return false;
  };
  const variables = new Map<string, Typed>();

  /** The type of a method call on a value of `type`; reports what the surface does not allow. */
  function call(type: Typed, method: string, argc: number, line: number): Typed {
    switch (type.kind) {
      case 'classref': {
        if (method !== 'new') return UNKNOWN;
        const expected = surface.classes.get(type.name)?.constructorArgs;
        if (!expected) report(line, `${type.name}.new is not in surface.md`);
        else if (argc < expected.min || argc > expected.max)
          report(line, `${type.name}.new takes ${expected.min}..${expected.max} arguments, given ${argc}`);
        else checked.add(`new ${type.name}/${argc}`);
        return { kind: 'class', name: type.name };
      }
      case 'class': {
        const sdkMethod = surface.classes.get(type.name)?.methods.get(method);
        if (!sdkMethod) {
          if (objectMethods.has(method)) return UNKNOWN;
          report(line, `${type.name}${separator}${method} is not in surface.md`);
          return UNKNOWN;
        }
        if (argc < sdkMethod.minArgs || argc > sdkMethod.maxArgs) {
          report(
            line,
            `${type.name}${separator}${method} takes ${sdkMethod.minArgs}..${sdkMethod.maxArgs} arguments, given ${argc} (${sdkMethod.source})`,
          );
        } else checked.add(`${type.name}${separator}${method}/${argc}`);
        return sdkMethod.returns;
      }
      case 'union':
        for (const item of type.items) call(item, method, argc, line);
        return UNKNOWN;
      case 'list':
      case 'tuple':
      case 'record':
        if (surface.language === 'ruby' && type.kind !== 'record' && arrayMethods.has(method)) {
          const first = type.kind === 'list' ? type.of : type.items[0];
          return ['first', 'last', 'fetch', '[]'].includes(method) && first ? first : UNKNOWN;
        }
        report(line, `${method}() is called on ${describe(type)}, which has no such method`);
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  function resolve(chain: Chain | null, line: number): Typed {
    if (!chain) return UNKNOWN;
    let type: Typed;
    const root = chain.root;
    if ('var' in root) type = variables.get(root.var) ?? UNKNOWN;
    else if ('new' in root)
      type = knownClass(root.new, line) ? call({ kind: 'classref', name: root.new }, 'new', root.argc, line) : UNKNOWN;
    else type = knownClass(root.const, line) ? { kind: 'classref', name: root.const } : UNKNOWN;
    for (const link of chain.links) {
      if (type.kind === 'unknown') break;
      if ('call' in link) type = call(type, link.call, link.argc, link.line);
      else if ('property' in link) {
        if (type.kind === 'record') {
          const field = type.fields[link.property];
          if (!field) report(link.line, `->${link.property} is read from ${describe(type)}`);
          type = field ?? UNKNOWN;
        } else {
          report(link.line, `->${link.property} is read from ${describe(type)}: SDK objects have getters, not public properties`);
          type = UNKNOWN;
        }
      } else type = type.kind === 'list' ? type.of : UNKNOWN;
    }
    return type;
  }

  for (const statement of extracted.statements) {
    switch (statement.kind) {
      case 'assign':
        variables.set(statement.var, resolve(statement.value, statement.line));
        break;
      case 'destructure': {
        const value = resolve(statement.value, statement.line);
        statement.vars.forEach((name, index) => {
          const item = value.kind === 'tuple' ? value.items[index] : value.kind === 'list' ? value.of : undefined;
          variables.set(name, item ?? UNKNOWN);
        });
        break;
      }
      case 'foreach': {
        const value = resolve(statement.value, statement.line);
        variables.set(statement.var, value.kind === 'list' ? value.of : UNKNOWN);
        break;
      }
      case 'catch': {
        const items: SdkType[] = statement.classes
          .filter((name) => knownClass(name, statement.line))
          .map((name) => ({ kind: 'class', name }));
        variables.set(statement.var, items.length === statement.classes.length && items.length > 0 ? { kind: 'union', items } : UNKNOWN);
        break;
      }
      case 'class':
        if (statement.name !== surface.namespace.replace(/\\$|::$/, '')) knownClass(statement.name, statement.line);
        break;
      case 'expr':
        resolve(statement.value, statement.line);
        break;
    }
  }
  return {
    findings: [...findings.values()].sort((a, b) => a.line - b.line || a.message.localeCompare(b.message)),
    checked: [...checked],
  };
}
