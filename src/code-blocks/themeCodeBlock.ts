/**
 * The theme's CodeBlock, once its chunk has run (src/code-blocks/highlighter.ts). The site's CodeBlock
 * (src/theme/CodeBlock) renders it directly when a page's own chunk brought it, and loads it otherwise.
 */
import type { ReactNode } from 'react';
import type { Props } from '@theme/CodeBlock';

export type CodeBlockComponent = (props: Props) => ReactNode;

let themeCodeBlock: CodeBlockComponent | null = null;

export function provideThemeCodeBlock(component: CodeBlockComponent): void {
  themeCodeBlock = component;
}

export function providedThemeCodeBlock(): CodeBlockComponent | null {
  return themeCodeBlock;
}
