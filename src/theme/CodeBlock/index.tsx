/**
 * The theme's CodeBlock, loaded on demand: Prism (prism-react-renderer, its grammars built when the module
 * runs) leaves the main bundle, so a page without a fenced code block (the APM page: its samples are
 * highlighted at build time) never downloads or runs it. The served HTML still holds the highlighted block:
 * the server render waits for the chunk, and hydration keeps the server markup until the chunk has loaded.
 * The theme's own client module that registers `prism.additionalLanguages` is left out of the bundle
 * (src/plugins/lazyPrism.ts) and runs here, before the first block highlights.
 */
import React, { lazy, Suspense, type ReactNode } from 'react';
import type { Props } from '@theme/CodeBlock';

const ThemeCodeBlock = lazy(async () => {
  const [{ Prism }, { default: prismIncludeLanguages }, original] = await Promise.all([
    import('prism-react-renderer'),
    import('@theme/prism-include-languages'),
    import('@theme-original/CodeBlock') as Promise<{ default: (props: Props) => ReactNode }>,
  ]);
  prismIncludeLanguages(Prism);
  return original;
});

/** Shown only when a client-side navigation reaches a code block before the chunk: the code, unhighlighted. */
function PlainCode({ children }: Pick<Props, 'children'>): ReactNode {
  return (
    <pre className="theme-code-block">
      <code>{children}</code>
    </pre>
  );
}

export default function CodeBlock(props: Props): ReactNode {
  return (
    <Suspense fallback={<PlainCode>{props.children}</PlainCode>}>
      <ThemeCodeBlock {...props} />
    </Suspense>
  );
}
