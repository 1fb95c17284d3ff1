/**
 * The theme's CodeBlock without Prism in the main bundle: Prism (prism-react-renderer, its grammars built
 * when the module runs) is in the chunk of src/code-blocks/highlighter.ts, which only pages with a fenced
 * code block import. On those pages it has run before the page renders, so the block renders as the
 * theme's; elsewhere (a block rendered in the browser, such as a "Try it" response) it loads on demand.
 */
import React, { lazy, Suspense, type ReactNode } from 'react';
import type { Props } from '@theme/CodeBlock';
import { providedThemeCodeBlock } from '@site/src/code-blocks/themeCodeBlock';

const LoadedCodeBlock = lazy(() => import('@site/src/code-blocks/highlighter'));

/** While the chunk loads: the code, unhighlighted. */
function PlainCode({ children }: Pick<Props, 'children'>): ReactNode {
  return (
    <pre>
      <code>{children}</code>
    </pre>
  );
}

export default function CodeBlock(props: Props): ReactNode {
  const ThemeCodeBlock = providedThemeCodeBlock();
  if (ThemeCodeBlock) return <ThemeCodeBlock {...props} />;
  return (
    <Suspense fallback={<PlainCode>{props.children}</PlainCode>}>
      <LoadedCodeBlock {...props} />
    </Suspense>
  );
}
