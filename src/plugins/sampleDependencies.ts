import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from '@docusaurus/types';

export interface SampleDependenciesOptions {
  /** Folder holding one directory per sample, as given to the `samples` remark plugin. */
  readonly samplesDir: string;
  /** Folder of the docs pages that may use `<Sample>`. */
  readonly docsDir: string;
}

const loader = fileURLToPath(new URL('./sampleDependenciesLoader.cjs', import.meta.url));

/** Makes every docs page that uses `<Sample>` depend on the sample files it renders. */
export default function sampleDependencies(options: SampleDependenciesOptions): () => Plugin {
  return () => ({
    name: 'sample-dependencies',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /\.mdx?$/i,
              include: path.resolve(options.docsDir),
              enforce: 'pre',
              use: [{ loader, options: { samplesDir: path.resolve(options.samplesDir) } }],
            },
          ],
        },
      };
    },
  });
}
