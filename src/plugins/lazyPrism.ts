import { createRequire } from 'node:module';
import type { Plugin } from '@docusaurus/types';

const require = createRequire(import.meta.url);

/**
 * Leaves the classic theme's `prism-include-languages` client module out of the client bundle. It imports
 * Prism into the main bundle only to register `prism.additionalLanguages`; src/code-blocks/highlighter.ts
 * does that where Prism loads, on the pages that show a code block.
 */
export default function lazyPrism(): Plugin {
  // The generated client-modules file requires the module by its absolute path, without an extension.
  const clientModule = require.resolve('@docusaurus/theme-classic/lib/prism-include-languages').replace(/\.js$/, '');
  return {
    name: 'lazy-prism',
    configureWebpack(_config, isServer) {
      return isServer ? {} : { resolve: { alias: { [`${clientModule}$`]: false } } };
    },
  };
}
