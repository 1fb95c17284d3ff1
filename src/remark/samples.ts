/**
 * Remark plugin: fills every `<Sample name="x" />` on an MDX page with the files of `samples/x/`, each
 * file's one region read and highlighted at build time, as a `tabs` prop (see `SampleData`).
 * Any problem with the element or the folder fails the build with the page position of the element.
 */
import path from 'node:path';
import type { Program } from 'estree';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node } from 'unist';
import { valueToEstree } from 'estree-util-value-to-estree';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readSampleFolder, SampleFolderError } from '../sample-files/index';

export interface SamplesPluginOptions {
  /** Site root; file names shown on the page are relative to it. */
  readonly siteDir: string;
  /** Folder holding one directory per sample; defaults to `<siteDir>/samples`. */
  readonly samplesDir?: string;
}

/** The JSX element name the plugin fills; the component is registered globally under the same name. */
export const SAMPLE_ELEMENT = 'Sample';
const INJECTED_PROPS = ['tabs'] as const;

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export class SampleElementError extends Error {
  override name = 'SampleElementError';
}

export function isSampleElement(node: Node): node is JsxElement {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as JsxElement).name === SAMPLE_ELEMENT;
}

/**
 * The sample folder a `<Sample>` names, as written on the page; throws a `SampleElementError` for
 * anything else on the element. The Markdown twin reads its elements with this too.
 */
export function readSampleElement(node: JsxElement): { readonly name: string } {
  let name: string | undefined;
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      throw new SampleElementError(`<${SAMPLE_ELEMENT}> takes only name="…", not a {...spread}`);
    }
    if ((INJECTED_PROPS as readonly string[]).includes(attribute.name)) {
      throw new SampleElementError(`<${SAMPLE_ELEMENT}> gets its "${attribute.name}" from the sample folder; remove the attribute`);
    }
    if (attribute.name !== 'name') {
      throw new SampleElementError(`<${SAMPLE_ELEMENT}> takes only name="…" (it shows each file's one #region); remove ${attribute.name}`);
    }
    if (typeof attribute.value !== 'string') {
      throw new SampleElementError(`<${SAMPLE_ELEMENT}> name must be a plain string, e.g. name="create-invoice"`);
    }
    name = attribute.value;
  }
  if (name === undefined)
    throw new SampleElementError(`<${SAMPLE_ELEMENT}> needs a name, e.g. <${SAMPLE_ELEMENT} name="create-invoice" />`);
  return { name };
}

/**
 * Strings at least this long that a page's samples carry more than once (the API's answer under four
 * language tabs) are written once, as module constants, and referenced: gzip's 32 KiB window does not
 * reach back to an earlier copy in a page chunk, and every page prefetches its neighbours' chunks.
 */
const SHARED_STRING_MIN_LENGTH = 256;
const SHARED_STRING_PREFIX = '__sampleShared';

/** The long strings that occur more than once in `values`, each mapped to the constant that holds it. */
function sharedStrings(values: readonly unknown[]): Map<string, string> {
  const counts = new Map<string, number>();
  const count = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= SHARED_STRING_MIN_LENGTH) counts.set(value, (counts.get(value) ?? 0) + 1);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(count);
    }
  };
  values.forEach(count);
  const shared = new Map<string, string>();
  for (const [value, times] of counts) if (times > 1) shared.set(value, `${SHARED_STRING_PREFIX}${shared.size}`);
  return shared;
}

/** `estree` with every string literal of `shared` replaced by its constant. */
function referenceShared<T>(estree: T, shared: ReadonlyMap<string, string>): T {
  if (Array.isArray(estree)) return estree.map((item: unknown) => referenceShared(item, shared)) as T;
  if (estree === null || typeof estree !== 'object') return estree;
  const node = estree as Record<string, unknown>;
  if (node.type === 'Literal' && typeof node.value === 'string' && shared.has(node.value)) {
    return { type: 'Identifier', name: shared.get(node.value) } as T;
  }
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, referenceShared(child, shared)])) as T;
}

/** The module constants `sharedStrings` named, as an ESM node for the page. */
function sharedStringsNode(shared: ReadonlyMap<string, string>): RootContent {
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'VariableDeclaration',
        kind: 'const',
        declarations: [...shared].map(([value, name]) => ({
          type: 'VariableDeclarator',
          id: { type: 'Identifier', name },
          init: { type: 'Literal', value },
        })),
      },
    ],
  };
  return { type: 'mdxjsEsm', value: '', data: { estree: program } };
}

function expressionAttribute(name: string, value: unknown, shared: ReadonlyMap<string, string>): MdxJsxAttribute {
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression: referenceShared(valueToEstree(value), shared) }],
  };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value), data: { estree: program } },
  };
}

export default function remarkSamples(options: SamplesPluginOptions) {
  const samplesDir = options.samplesDir ?? path.join(options.siteDir, 'samples');

  return async (tree: Root, file: VFile): Promise<void> => {
    const elements: JsxElement[] = [];
    visit(tree, (node) => {
      if (isSampleElement(node)) elements.push(node);
    });

    const filled = await Promise.all(
      elements.map(async (node) => {
        let name: string;
        try {
          ({ name } = readSampleElement(node));
        } catch (error) {
          if (error instanceof SampleElementError) file.fail(error.message, { place: node.position });
          throw error;
        }
        try {
          return { node, sample: await readSampleFolder({ siteDir: options.siteDir, samplesDir, name }) };
        } catch (error) {
          if (error instanceof SampleFolderError) {
            file.fail(`<${SAMPLE_ELEMENT} name="${name}">: ${error.message}`, { place: node.position, cause: error });
          }
          throw error;
        }
      }),
    );

    const shared = sharedStrings(filled.map(({ sample }) => sample));
    for (const { node, sample } of filled) {
      for (const prop of INJECTED_PROPS) node.attributes.push(expressionAttribute(prop, sample[prop], shared));
    }
    if (shared.size > 0) tree.children.push(sharedStringsNode(shared));
  };
}
