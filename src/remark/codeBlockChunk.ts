import type { Program } from 'estree';
import type { Root } from 'mdast';
import { visit, EXIT } from 'unist-util-visit';

/** The module that brings Prism and the theme's CodeBlock (src/code-blocks/highlighter.ts). */
export const HIGHLIGHTER_MODULE = '@site/src/code-blocks/highlighter';

/**
 * Makes a page with a fenced code block import the code-block chunk, so the page's own chunk brings it:
 * Docusaurus loads a route's chunks before it renders or hydrates the page, so the block renders with the
 * theme's CodeBlock at once, and pages without one (diagrams are drawings by now) never load Prism.
 * Runs after the plugins that turn fenced blocks into something else.
 */
function hasCodeBlock(tree: Root): boolean {
  let found = false as boolean;
  visit(tree, 'code', () => {
    found = true;
    return EXIT;
  });
  return found;
}

export default function remarkCodeBlockChunk() {
  return (tree: Root) => {
    if (!hasCodeBlock(tree)) return;
    const program: Program = {
      type: 'Program',
      sourceType: 'module',
      body: [{ type: 'ImportDeclaration', specifiers: [], source: { type: 'Literal', value: HIGHLIGHTER_MODULE }, attributes: [] }],
    };
    tree.children.unshift({ type: 'mdxjsEsm', value: `import '${HIGHLIGHTER_MODULE}';`, data: { estree: program } });
  };
}
