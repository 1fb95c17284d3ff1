import type { LoadContext, Plugin } from '@docusaurus/types';

/**
 * Makes Docusaurus build inside a package that declares `"type": "module"`, where two of its
 * assumptions break. The root stays ESM for its own scripts (`npm run diagrams`, `bench:*` use
 * top-level await and `import.meta.resolve`, which tsx cannot give CommonJS files):
 *
 * - The bundler parses the generated `.js` files (the route registry) as strict ESM and leaves their
 *   `require.resolveWeak(...)` calls as they are; static generation then fails with
 *   "require.resolveWeak is not a function". Parsed as `javascript/auto`, they get rewritten again.
 * - Static generation loads the server bundle's chunks with Node's `require`, and Node reads a `.js`
 *   file in this package as ESM ("exports is not defined in ES module scope"): every page renders
 *   Docusaurus's error banner and then fails to hydrate. A `.cjs` extension tells Node they are CommonJS.
 */
export default function commonJsBuildOutput(context: LoadContext): Plugin {
  return {
    name: 'commonjs-build-output',
    configureWebpack(_config, isServer) {
      return {
        module: {
          rules: [{ test: /\.js$/, include: context.generatedFilesDir, type: 'javascript/auto' }],
        },
        ...(isServer ? { output: { chunkFilename: '[name].[contenthash:8].cjs' } } : {}),
      };
    },
  };
}
