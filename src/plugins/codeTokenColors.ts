import type { Plugin } from '@docusaurus/types';
import { highlightStylesheet } from '../sample-files/highlight';

/**
 * Puts the colours of build-time highlighted code (src/sample-files/highlight.ts) in every page's head:
 * one small stylesheet, so each token carries only short class names.
 */
export default function codeTokenColors(): Plugin {
  return {
    name: 'code-token-colors',
    loadContent: () => highlightStylesheet(),
    injectHtmlTags({ content }) {
      return { headTags: [{ tagName: 'style', attributes: { 'data-code-token-colors': 'true' }, innerHTML: String(content) }] };
    },
  };
}
