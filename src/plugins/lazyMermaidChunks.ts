import type { Plugin } from '@docusaurus/types';

/**
 * Keeps mermaid (~350 KiB gzipped) out of the `common` chunk that every page loads.
 *
 * Docusaurus moves any module used by two or more chunks into one `common` chunk (on a small site the
 * threshold is two). Mermaid loads its diagram renderers as unnamed async chunks that share most of
 * their code, so that shared code lands in `common` and every page downloads it, diagram or not.
 * Route chunks are named after their route; counting only named chunks leaves mermaid's code in its
 * own async chunks, fetched when a page renders a diagram.
 */
export default function lazyMermaidChunks(): Plugin {
  return {
    name: 'lazy-mermaid-chunks',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              common: { chunks: (chunk: { name?: string | null }) => Boolean(chunk.name) },
            },
          },
        },
      };
    },
  };
}
