// The PHP and Ruby SDK surfaces as data, parsed from surface.md at test time (so surface.md stays the
// one source): classes, their methods with arity and return shape, and the error classes. Field
// accessors (PHP getters, Ruby readers) come from the surface.md lines that list them, completed by
// the field tables of decoding.md §3 that surface.md points to for the full list.
import { readReference, surfaceSection } from './reference.ts';
import { addRefundCalls } from './refund-surface.ts';

export type SdkType =
  | { kind: 'class'; name: string }
  | { kind: 'list'; of: SdkType }
  /** Ruby capture/authorize: an Array of [Transaction, CustomerAction]. */
  | { kind: 'tuple'; items: SdkType[] }
  /** PHP capture/authorize: a \stdClass with ->transaction and ->customerAction. */
  | { kind: 'record'; fields: Record<string, SdkType> }
  | { kind: 'unknown' };

export interface SdkMethod {
  minArgs: number;
  maxArgs: number;
  returns: SdkType;
  /** What surface.md says, for messages. */
  source: string;
}

export interface SdkClass {
  name: string;
  methods: Map<string, SdkMethod>;
  constructorArgs?: { min: number; max: number };
}

export interface CallSurface {
  language: 'php' | 'ruby';
  /** The namespace every SDK class is under: "ProcessOut\\" or "ProcessOut::". */
  namespace: string;
  /** Keyed by full name, e.g. "ProcessOut\\Invoice" or "ProcessOut::Invoice". */
  classes: Map<string, SdkClass>;
}

const UNKNOWN: SdkType = { kind: 'unknown' };

/** Required and optional parameters of "(a, b = {})" / "($a, $b = array())". */
function arity(parameters: string): { min: number; max: number } {
  const list = parameters.trim() === '' ? [] : parameters.split(',');
  return { min: list.filter((parameter) => !parameter.includes('=')).length, max: list.length };
}

function addClass(surface: CallSurface, shortName: string): SdkClass {
  const name = `${surface.namespace}${shortName}`;
  let sdkClass = surface.classes.get(name);
  if (!sdkClass) {
    sdkClass = { name, methods: new Map() };
    surface.classes.set(name, sdkClass);
  }
  return sdkClass;
}

function addMethod(surface: CallSurface, className: string, method: string, sdkMethod: SdkMethod): void {
  const methods = addClass(surface, className).methods;
  const existing = methods.get(method);
  if (!existing) {
    methods.set(method, sdkMethod);
    return;
  }
  // surface.md wins over decoding.md, except that a typed return beats an untyped one.
  const [preferred, other] = sdkMethod.source.startsWith('surface.md') ? [sdkMethod, existing] : [existing, sdkMethod];
  methods.set(method, { ...preferred, returns: preferred.returns.kind === 'unknown' ? other.returns : preferred.returns });
}

/**
 * The "capture / authorize returns" row of surface.md's table: those methods return one shape, which
 * the signature lines spell out on one of them only (PHP capture's comment, Ruby capture's comment).
 */
function shareReturnShapes(surface: CallSurface): void {
  const row = readReference('surface.md')
    .split('\n')
    .find((line) => line.startsWith('| capture / authorize returns'));
  const names =
    row
      ?.split('|')[1]
      ?.trim()
      .replace(/ returns$/, '')
      .split(' / ') ?? [];
  const invoice = surface.classes.get(`${surface.namespace}Invoice`);
  const methods = names.map((name) => invoice?.methods.get(name)).filter((method) => method !== undefined);
  const size = (type: SdkType) =>
    type.kind === 'tuple' ? type.items.length : type.kind === 'record' ? Object.keys(type.fields).length : -1;
  const richest = methods.map((method) => method.returns).sort((a, b) => size(b) - size(a))[0];
  if (richest) for (const method of methods) method.returns = richest;
}

/** A bullet of a section ("- Errors (…" up to the next bullet or heading), or "" when absent. */
function bullet(section: string, start: string): string {
  const index = section.indexOf(`\n- ${start}`);
  if (index < 0) return '';
  const rest = section.slice(index + 3);
  const end = rest.search(/\n(- |#|\n)/);
  return end < 0 ? rest : rest.slice(0, end);
}

function codeBlock(section: string): string {
  const match = /```\w*\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('surface.md: a language section without its code block');
  return match[1];
}

/** "PascalCase" of a snake_case field, as the PHP SDK names its getters: logo_url → LogoUrl. */
const pascal = (field: string) =>
  field
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/**
 * decoding.md §3: per object, the fields each SDK reads. Each becomes an accessor of that object
 * (PHP get<Field>(), Ruby <field>) typed by its cell: `obj X` an X, `list X` a list of X.
 */
function addDecodedFields(surface: CallSurface): void {
  const decoding = readReference('decoding/decoding.md');
  const objects = decoding.slice(decoding.indexOf('## 3.'), decoding.indexOf('## 4.'));
  for (const block of objects.split(/^### /m).slice(1)) {
    const className = block.split('\n')[0]?.trim() ?? '';
    if (!/^\w+$/.test(className)) continue;
    const rows = block.split('\n').filter((line) => line.startsWith('| `'));
    const header = block
      .split('\n')
      .find((line) => line.startsWith('| field'))
      ?.split('|')
      .map((cell) => cell.trim());
    const column = header?.findIndex((cell) => cell.toLowerCase() === surface.language);
    if (column === undefined || column < 0) throw new Error(`decoding.md §3 ${className}: no ${surface.language} column`);
    for (const row of rows) {
      const cells = row.split('|').map((cell) => cell.trim());
      const field = /`(\w+)`/.exec(cells[1] ?? '')?.[1];
      const cell = cells[column] ?? '—';
      if (!field || cell === '—') continue;
      const nested = /^(obj|list) (\w+)$/.exec(cell);
      const type: SdkType = nested?.[2]
        ? nested[1] === 'obj'
          ? { kind: 'class', name: `${surface.namespace}${nested[2]}` }
          : { kind: 'list', of: { kind: 'class', name: `${surface.namespace}${nested[2]}` } }
        : UNKNOWN;
      const name = surface.language === 'php' ? `get${pascal(field)}` : field;
      addMethod(surface, className, name, { minArgs: 0, maxArgs: 0, returns: type, source: `decoding.md §3 ${className}.${field}` });
    }
  }
}

/** A surface.md return type ("?Invoice", "GatewayConfiguration[]", "Array<Event>", "Transaction or nil"). */
function returnType(surface: CallSurface, text: string, comment: string): SdkType {
  const cleaned = text
    .trim()
    .replace(/^\?/, '')
    .replace(/ or nil$/, '')
    .replace(/^\\/, '')
    .replace(/^ProcessOut::/, '');
  const list = /^(?:Array<(\w+)>|(\w+)\[\])$/.exec(cleaned);
  if (list) return { kind: 'list', of: { kind: 'class', name: `${surface.namespace}${list[1] ?? list[2] ?? ''}` } };
  if (cleaned === 'stdClass') {
    // "->transaction (Transaction), ->customerAction (CustomerAction)"
    const fields = Object.fromEntries(
      [...comment.matchAll(/->(\w+) \((\w+)\)/g)].map(([, field, type]) => [field, { kind: 'class', name: `${surface.namespace}${type}` }]),
    );
    return { kind: 'record', fields: fields as Record<string, SdkType> };
  }
  if (cleaned === 'Array') {
    // "[Transaction] or [Transaction, CustomerAction]": the longest shape.
    const shapes = [...comment.matchAll(/\[(\w+(?:, \w+)*)\]/g)].map((match) => (match[1] ?? '').split(', '));
    const longest = shapes.sort((a, b) => b.length - a.length)[0] ?? [];
    return { kind: 'tuple', items: longest.map((name) => ({ kind: 'class', name: `${surface.namespace}${name}` })) };
  }
  return /^[A-Z]\w*$/.test(cleaned) && !['Hash', 'String'].includes(cleaned)
    ? { kind: 'class', name: `${surface.namespace}${cleaned}` }
    : UNKNOWN;
}

/** "Class::getA() :12, getB() :13 (Gateway|null); Other::getC()" / "Class#a, #b; Other#c (Hash)". */
function addAccessorList(surface: CallSurface, text: string, separator: '::' | '#'): void {
  for (const group of text.split(';')) {
    let className: string | undefined;
    const pattern = separator === '::' ? /(?:(\w+)::)?(\w+)\(\)(?:\s*:\d+)?(?:\s*\(([\w|]+)\))?/g : /(\w+)?#(\w+\??)(?:\s*\(([\w|]+)\))?/g;
    for (const [, owner, method, type] of group.matchAll(pattern)) {
      className = owner ?? className;
      if (!className || !method) continue;
      const returns = type ? returnType(surface, type.replace(/\|null$/, ''), '') : UNKNOWN;
      addMethod(surface, className, method, { minArgs: 0, maxArgs: 0, returns, source: `surface.md: ${group.trim()}` });
    }
  }
}

/** The error classes of an "Errors (…)" bullet, with the methods it names. */
function addErrors(surface: CallSurface, text: string, classPattern: RegExp, methodPattern: RegExp, classPrefix: string): void {
  const methods = [...text.matchAll(methodPattern)].map((match) => match[1] ?? '');
  for (const [, name] of text.matchAll(classPattern)) {
    const shortName = `${classPrefix}${(name ?? '').replace(/^ProcessOut::/, '')}`;
    for (const method of methods) {
      addMethod(surface, shortName, method, { minArgs: 0, maxArgs: 0, returns: UNKNOWN, source: `surface.md: ${text.split('\n')[0]}` });
    }
  }
}

export function phpSurface(): CallSurface {
  const section = surfaceSection('PHP');
  const surface: CallSurface = { language: 'php', namespace: 'ProcessOut\\', classes: new Map() };
  let current: string | undefined;
  for (const line of codeBlock(section).split('\n')) {
    const file = /^\/\/ src\/(\w+)\.php/.exec(line);
    const constructor = /^new \\ProcessOut\\(\w+)\(([^)]*)\)/.exec(line);
    const method = /^public function (\w+)\(((?:[^()]|\(\))*)\):\s*(\S+)\s*(?:\/\/(.*))?$/.exec(line);
    if (file?.[1]) current = file[1];
    if (constructor?.[1] !== undefined) addClass(surface, constructor[1]).constructorArgs = arity(constructor[2] ?? '');
    if (method?.[1] && current) {
      addMethod(surface, current, method[1], {
        ...(({ min, max }) => ({ minArgs: min, maxArgs: max }))(arity(method[2] ?? '')),
        returns: returnType(surface, method[3] ?? '', method[4] ?? ''),
        source: `surface.md: ${line.trim()}`,
      });
    }
    if (line.startsWith('//') && line.includes('::')) addAccessorList(surface, line.replace(/^\/\/\s*(getters:)?/, ''), '::');
  }
  addErrors(surface, bullet(section, 'Errors'), /`(\w+Exception)`/g, /`(\w+)\(\)`/g, 'Exceptions\\');
  addRefundCalls(surface);
  addDecodedFields(surface);
  shareReturnShapes(surface);
  return surface;
}

export function rubySurface(): CallSurface {
  const section = surfaceSection('Ruby');
  const surface: CallSurface = { language: 'ruby', namespace: 'ProcessOut::', classes: new Map() };
  let current: string | undefined;
  for (const line of codeBlock(section).split('\n')) {
    const classLine = /^class ProcessOut::(\w+)/.exec(line);
    const definition = /^\s+def (\w+)\(([^)]*)\)(?:\s*->\s*([^#]+?))?\s*(?:#(.*))?$/.exec(line);
    const reader = /^\s+attr_reader ((?::\w+(?:, )?)+)/.exec(line);
    const method = /^(\w+)#(\w+)\(([^)]*)\)\s*->\s*([^#]+?)\s*(?:#(.*))?$/.exec(line);
    if (classLine?.[1]) current = classLine[1];
    if (line.startsWith('end')) current = undefined;
    if (definition?.[1] && current) {
      const { min, max } = arity(definition[2] ?? '');
      if (definition[1] === 'initialize') addClass(surface, current).constructorArgs = { min, max };
      else
        addMethod(surface, current, definition[1], {
          minArgs: min,
          maxArgs: max,
          returns: returnType(surface, definition[3] ?? '', definition[4] ?? ''),
          source: `surface.md: ${line.trim()}`,
        });
    }
    if (reader?.[1] && current) {
      for (const name of reader[1].split(', '))
        addMethod(surface, current, name.slice(1), { minArgs: 0, maxArgs: 0, returns: UNKNOWN, source: `surface.md: ${line.trim()}` });
    }
    if (method?.[1] && method[2]) {
      const { min, max } = arity(method[3] ?? '');
      addMethod(surface, method[1], method[2], {
        minArgs: min,
        maxArgs: max,
        returns: returnType(surface, method[4] ?? '', method[5] ?? ''),
        source: `surface.md: ${line.trim()}`,
      });
    }
    if (line.startsWith('# readers') || (line.startsWith('#') && /\w#\w/.test(line) && !line.includes('lib/'))) {
      addAccessorList(surface, line.replace(/^#\s*(readers \([^)]*\):)?/, ''), '#');
    }
  }
  // "- Host override: `client.instance_variable_set(:@host, "https://…")`"
  for (const [, name, args] of bullet(section, 'Host override').matchAll(/`client\.(\w+)\(([^)]*)\)`/g)) {
    const count = (args ?? '').split(',').length;
    addMethod(surface, 'Client', name ?? '', { minArgs: count, maxArgs: count, returns: UNKNOWN, source: 'surface.md: Host override' });
  }
  addErrors(surface, bullet(section, 'Errors'), /`(ProcessOut::\w+Error|\w+Error)`/g, /`#(\w+)`/g, '');
  addRefundCalls(surface);
  addDecodedFields(surface);
  shareReturnShapes(surface);
  return surface;
}
