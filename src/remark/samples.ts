/**
 * Remark plugin: fills every `<Sample name="x" region="y" />` on an MDX page with the files of
 * `samples/x/`, read and highlighted at build time, as `tabs` and `response` props (see `SampleData`).
 * Any problem with the folder fails the build with the page position of the element.
 */
import path from 'node:path';
import type { Program } from 'estree';
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { valueToEstree } from 'estree-util-value-to-estree';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readSampleFolder, SampleFolderError } from '../sample-files/readSampleFolder';

export interface SamplesPluginOptions {
  /** Site root; file names shown on the page are relative to it. */
  readonly siteDir: string;
  /** Folder holding one directory per sample; defaults to `<siteDir>/samples`. */
  readonly samplesDir?: string;
}

/** The JSX element name the plugin fills; the component is registered globally under the same name. */
export const SAMPLE_ELEMENT = 'Sample';
const INJECTED_PROPS = ['tabs', 'response'] as const;

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function stringAttribute(node: JsxElement, name: string, file: VFile): string | undefined {
  const attribute = node.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  if (!attribute) return undefined;
  if (typeof attribute.value !== 'string') {
    file.fail(`<${SAMPLE_ELEMENT}> ${name} must be a plain string, e.g. ${name}="create-invoice"`, { place: node.position });
  }
  return attribute.value;
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
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === SAMPLE_ELEMENT) {
        elements.push(node);
      }
    });

    await Promise.all(
      elements.map(async (node) => {
        for (const prop of INJECTED_PROPS) {
          if (node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === prop)) {
            file.fail(`<${SAMPLE_ELEMENT}> gets its "${prop}" from the sample folder; remove the attribute`, { place: node.position });
          }
        }
        const name = stringAttribute(node, 'name', file);
        if (name === undefined) {
          file.fail(`<${SAMPLE_ELEMENT}> needs a name, e.g. <${SAMPLE_ELEMENT} name="create-invoice" />`, { place: node.position });
        }
        const region = stringAttribute(node, 'region', file);
        try {
          const sample = await readSampleFolder({ siteDir: options.siteDir, samplesDir, name, region });
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
