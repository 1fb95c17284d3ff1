/**
 * Remark plugin for the error reference, fed from the sandbox's error catalogue at build time:
 * - on the reference page, `<ErrorReference />` becomes one heading (anchor) per code with its HTTP
 *   status, when it happens and what to do;
 * - on every other page, inline code naming a catalogued error links to its anchor;
 * - a page naming an error type the catalogue lacks fails the build with the page position.
 */
import path from 'node:path';
import type { Heading, InlineCode, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  ERROR_CATALOGUE,
  catalogueEntry,
  errorAnchor,
  namedErrorCodes,
  type CatalogueEntry,
  type ErrorKind,
} from '@apm-docs/sandbox/facts';

export interface ErrorReferenceOptions {
  /** The reference page's source file. */
  readonly referencePage: string;
}

/** The placeholder the plugin fills on the reference page. */
export const ERROR_REFERENCE_ELEMENT = 'ErrorReference';

const SECTIONS: readonly { kind: ErrorKind; title: string; intro: string }[] = [
  { kind: 'api', title: 'API errors', intro: 'The `error_type` of an error answer, `{"success":false,"error_type":…,"message":…}`.' },
  {
    kind: 'checkout',
    title: 'Checkout and ProcessOut.js results',
    intro:
      'The code the checkout returns (`error_code`), or ProcessOut.js passes to its error callback, when the customer does not pay; a decline gives one of the decline codes below.',
  },
  {
    kind: 'decline',
    title: 'Decline codes',
    intro:
      "ProcessOut's decline codes: the `error_code` of a failed transaction, or the `error_type` of a declined capture. Hard declines must not be retried; soft declines may be.",
  },
];

/** Markdown-lite: backtick spans become inline code, the rest text. */
function phrasing(markdown: string): PhrasingContent[] {
  return markdown
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('`') ? { type: 'inlineCode', value: part.slice(1, -1) } : { type: 'text', value: part }));
}

const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value }] });

function entryNodes(entry: CatalogueEntry): RootContent[] {
  const heading: Heading = {
    type: 'heading',
    depth: 3,
    children: [{ type: 'inlineCode', value: entry.code }],
    data: { hProperties: { id: errorAnchor(entry.code) } },
  };
  const facts: PhrasingContent[] = [];
  if (entry.statuses.length) facts.push(strong('HTTP status:'), { type: 'text', value: ` ${entry.statuses.join(', ')}. ` });
  if (entry.category) facts.push(strong('Category:'), { type: 'text', value: ` ${entry.category}. ` });
  const when: Paragraph = {
    type: 'paragraph',
    children: [...facts, strong('When:'), { type: 'text', value: ' ' }, ...phrasing(entry.when)],
  };
  const todo: Paragraph = {
    type: 'paragraph',
    children: [strong('What to do:'), { type: 'text', value: ' ' }, ...phrasing(entry.whatToDo)],
  };
  return [heading, when, todo];
}

/** The reference as Markdown blocks (also used by the page's Markdown twin). */
export function referenceNodes(): RootContent[] {
  return SECTIONS.flatMap(({ kind, title, intro }) => [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: title }] } satisfies Heading,
    { type: 'paragraph', children: phrasing(intro) } satisfies Paragraph,
    ...ERROR_CATALOGUE.filter((entry) => entry.kind === kind).flatMap(entryNodes),
  ]);
}

function failUnknown(file: VFile, code: string, node: RootContent): never {
  return file.fail(
    `${code} is not in the error catalogue (the sandbox package's lib/error-catalogue.ts): add it there, or fix the name.`,
    node,
    'error-reference:unknown-code',
  );
}

export default function remarkErrorReference(options: ErrorReferenceOptions) {
  const referencePage = path.resolve(options.referencePage);
  return (root: Root, file: VFile) => {
    const isReference = path.resolve(file.path) === referencePage;
    if (isReference) {
      visit(root, 'mdxJsxFlowElement', (node: MdxJsxFlowElement, index, parent) => {
        if (node.name !== ERROR_REFERENCE_ELEMENT || !parent || index === undefined) return;
        parent.children.splice(index, 1, ...(referenceNodes() as MdxJsxFlowElement[]));
        return [SKIP, index];
      });
    }
    const linkTo = (code: string) =>
      `${path
        .relative(path.dirname(path.resolve(file.path)), referencePage)
        .split(path.sep)
        .join('/')}#${errorAnchor(code)}`;
    visit(root, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'heading') {
        // Already a link, or a heading of the reference itself: check only.
        visit(node, 'inlineCode', (inner: InlineCode) =>
          namedErrorCodes(`\`${inner.value}\``).forEach((code) => catalogueEntry(code) ?? failUnknown(file, code, inner)),
        );
        return SKIP;
      }
      if (node.type === 'text' || node.type === 'code')
        namedErrorCodes(` ${node.value} `).forEach((code) => catalogueEntry(code) ?? failUnknown(file, code, node));
      if (node.type !== 'inlineCode' || !parent || index === undefined) return;
      const codes = namedErrorCodes(`\`${node.value}\``);
      codes.forEach((code) => catalogueEntry(code) ?? failUnknown(file, code, node));
      if (isReference || codes.length !== 1) return;
      const link: Link = { type: 'link', url: linkTo(codes[0]!), children: [node] };
      parent.children.splice(index, 1, link as never);
      return SKIP;
    });
  };
}
