/**
 * Turns an MDX docs page into plain Markdown for readers that are not browsers (LLMs, `curl`): front
 * matter becomes a title and summary, every `<Sample>` becomes one fenced code block per language
 * (the file path as its title), read with the site's own element and folder readers but not highlighted,
 * tabs become labelled sections,
 * admonitions become block quotes, and links to other pages point at their Markdown twins.
 * Code fences, the mermaid diagram included, stay as they are.
 */
import type { Blockquote, Code, Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ERROR_REFERENCE_ELEMENT, referenceNodes } from '../remark/errorReference';
import { TEST_OUTCOMES_ELEMENT, testOutcomesNodes } from '../remark/testOutcomes';
import { readSampleElement, SAMPLE_ELEMENT, SampleElementError } from '../remark/samples';
import type { SampleCode } from '../sample-files/index';

export interface MarkdownPage {
  readonly title: string;
  readonly description: string;
  /** The MDX source, front matter included. */
  readonly source: string;
}

export interface MarkdownTwinContext {
  /** Reads a sample folder's code as the page shows it (the site's `readSampleCode`). */
  readonly readSample: (name: string) => Promise<SampleCode>;
  /** The twin URL for a link of the page (e.g. `./setup.mdx#x` → `/setup.md#x`), or undefined to keep it. */
  readonly resolveLink: (url: string) => string | undefined;
}

export class MarkdownTwinError extends Error {
  override name = 'MarkdownTwinError';
}

const ADMONITION_TITLES: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  info: 'Info',
  warning: 'Warning',
  caution: 'Caution',
  danger: 'Danger',
};

type JsxElement = MdxJsxFlowElement;
type Parent = { children: RootContent[] };

function attribute(node: JsxElement, name: string): string | undefined {
  const found = node.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  return typeof found?.value === 'string' ? found.value : undefined;
}

const text = (value: string) => ({ type: 'text', value }) as const;
const strongParagraph = (label: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'strong', children: [text(label)] }] });

async function sampleBlocks(node: JsxElement, context: MarkdownTwinContext): Promise<RootContent[]> {
  let name: string;
  try {
    ({ name } = readSampleElement(node));
  } catch (error) {
    if (error instanceof SampleElementError) throw new MarkdownTwinError(`line ${node.position?.start.line ?? '?'}: ${error.message}`);
    throw error;
  }
  const { files } = await context.readSample(name);
  const blocks: RootContent[] = files.map(({ language, file, region }): Code => ({
    type: 'code',
    lang: language.grammar,
    meta: `title="${file}"`,
    value: region.code,
  }));
  // Each recorded output once: the languages CI does not run show the curl file's, the API's answer.
  const shown = new Set<string>();
  for (const { response } of files) {
    if (!response || shown.has(response.file)) continue;
    shown.add(response.file);
    const label =
      response.kind === 'printed'
        ? ' printed when CI ran it against the sandbox:'
        : ' received from the API when CI ran it against the sandbox:';
    blocks.push(
      { type: 'paragraph', children: [text('What '), { type: 'inlineCode', value: response.file }, text(label)] },
      { type: 'code', lang: 'json', meta: null, value: response.code },
    );
  }
  return blocks;
}

/** The blocks that replace one JSX element: samples resolved, tabs labelled, other wrappers unwrapped. */
async function replaceElement(node: JsxElement, context: MarkdownTwinContext): Promise<RootContent[]> {
  if (node.name === SAMPLE_ELEMENT) return sampleBlocks(node, context);
  if (node.name === ERROR_REFERENCE_ELEMENT) return referenceNodes();
  if (node.name === TEST_OUTCOMES_ELEMENT) return testOutcomesNodes();
  const children = await transformChildren(node.children, context);
  if (node.name === 'TabItem') return [strongParagraph(attribute(node, 'label') ?? attribute(node, 'value') ?? ''), ...children];
  return children;
}

function admonition(node: ContainerDirective): Blockquote {
  const [first, ...rest] = node.children;
  const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
  const kind = ADMONITION_TITLES[node.name] ?? node.name;
  const heading: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'strong', children: hasLabel ? [text(`${kind}: `), ...first.children] : [text(kind)] }],
  };
  return { type: 'blockquote', children: [heading, ...(hasLabel ? rest : node.children)] };
}

async function transformChildren(children: readonly RootContent[], context: MarkdownTwinContext): Promise<RootContent[]> {
  const result: RootContent[] = [];
  for (const child of children) {
    switch (child.type) {
      case 'yaml':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
        // Front matter becomes the title; imports and {/* comments */} have no Markdown form.
        continue;
      case 'mdxJsxFlowElement':
        result.push(...(await replaceElement(child, context)));
        continue;
      case 'containerDirective':
        if (child.name in ADMONITION_TITLES) {
          const quote = admonition(child);
          quote.children = (await transformChildren(quote.children, context)) as Blockquote['children'];
          result.push(quote);
          continue;
        }
        break;
    }
    if ('children' in child && Array.isArray(child.children)) {
      (child as Parent).children = await transformChildren(child.children, context);
    }
    result.push(child);
  }
  return result;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective);
const serializer = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true, rule: '-', emphasis: '_' });

export async function mdxToMarkdown(page: MarkdownPage, context: MarkdownTwinContext): Promise<string> {
  const tree = parser.parse(page.source);
  tree.children = await transformChildren(tree.children, context);
  visit(tree, (node) => {
    if (
      node.type === 'mdxJsxTextElement' ||
      node.type === 'mdxTextExpression' ||
      node.type === 'textDirective' ||
      node.type === 'leafDirective'
    ) {
      throw new MarkdownTwinError(`${node.type} at line ${node.position?.start.line ?? '?'} has no Markdown form`);
    }
    if (node.type === 'link') {
      node.url = context.resolveLink(node.url) ?? node.url;
    }
  });
  tree.children.unshift(
    { type: 'heading', depth: 1, children: [text(page.title)] },
    ...(page.description
      ? [{ type: 'blockquote', children: [{ type: 'paragraph', children: [text(page.description)] }] } as Blockquote]
      : []),
  );
  return serializer.stringify(tree);
}
