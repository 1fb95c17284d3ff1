/**
 * Prism and the theme's CodeBlock, in a chunk of their own: imported by the pages that have fenced code
 * blocks (src/remark/codeBlockChunk.ts), so their route chunks bring it before the page renders or
 * hydrates, and loaded on demand for a block rendered in the browser only. The theme's own client module
 * that registers `prism.additionalLanguages` is left out of the main bundle (src/plugins/lazyPrism.ts)
 * and runs here instead, before any block highlights.
 */
import { Prism } from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import ThemeCodeBlock from '@theme-original/CodeBlock';
import { provideThemeCodeBlock, type CodeBlockComponent } from './themeCodeBlock';

prismIncludeLanguages(Prism);
const codeBlock = ThemeCodeBlock as CodeBlockComponent;
provideThemeCodeBlock(codeBlock);

export default codeBlock;
