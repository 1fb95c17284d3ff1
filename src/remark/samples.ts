/**
 * Remark plugin: fills every `<Sample name="x" />` on an MDX page with the files of `samples/x/`, each
 * file's one region read and highlighted at build time, as a `tabs` prop (see `SampleData`).
 * Any problem with the element or the folder fails the build with the page position of the element.
 */
import path from 'node:path';
import type { Program } from 'estree';
import type { Root } from 'mdast';
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
  if (name === undefined) throw new SampleElementError(`<${SAMPLE_ELEMENT}> needs a name, e.g. <${SAMPLE_ELEMENT} name="create-invoice" />`);
  return { name };
}

function expressionAttribute(name: string, value: unknown): MdxJsxAttribute {
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression: valueToEstree(value) }],
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

    await Promise.all(
      elements.map(async (node) => {
        let name: string;
        try {
          ({ name } = readSampleElement(node));
        } catch (error) {
          if (error instanceof SampleElementError) file.fail(error.message, { place: node.position });
          throw error;
        }
        try {
          const sample = await readSampleFolder({ siteDir: options.siteDir, samplesDir, name });
          for (const prop of INJECTED_PROPS) node.attributes.push(expressionAttribute(prop, sample[prop]));
        } catch (error) {
          if (error instanceof SampleFolderError) {
            file.fail(`<${SAMPLE_ELEMENT} name="${name}">: ${error.message}`, { place: node.position, cause: error });
          }
          throw error;
        }
      }),
    );
  };
}
