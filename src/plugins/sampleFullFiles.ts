/**
 * "View full file" assets (src/sample-files/fullFile.ts): every sample file's whole text, highlighted, as
 * `/sample-files/<sample>/<file>.<hash>.html`, fetched by the page when the reader opens it. Written to a
 * generated folder on every content load, served from there by the dev server, copied into the build.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
// Its types add `devServer` to webpack's configuration, which configureWebpack returns.
import type {} from 'webpack-dev-server';
import { FULL_FILES_PATH, fullFileAsset } from '../sample-files/fullFile';
import { listSampleFolders, readSampleCode, SampleFolderError } from '../sample-files/index';

export interface SampleFullFilesOptions {
  readonly siteDir: string;
  readonly samplesDir: string;
}

/** Writes every sample file's asset below `dir` (emptied first). */
async function writeFullFiles(options: SampleFullFilesOptions, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const folder of listSampleFolders({ rootDir: options.siteDir, samplesDir: options.samplesDir })) {
    let files;
    try {
      ({ files } = await readSampleCode({ ...options, name: folder.name }));
    } catch (error) {
      // A page showing this folder fails its build with the problem (src/remark/samples.ts); none to write.
      if (error instanceof SampleFolderError) continue;
      throw error;
    }
    for (const { file, language, region } of files) {
      const asset = await fullFileAsset(folder.name, file, language, region);
      const target = path.join(dir, path.relative(FULL_FILES_PATH, asset.path));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, asset.html);
    }
  }
}

export default function sampleFullFiles(options: SampleFullFilesOptions): (context: LoadContext) => Plugin {
  return ({ generatedFilesDir, baseUrl }) => {
    const generatedDir = path.join(generatedFilesDir, FULL_FILES_PATH);
    return {
      name: 'sample-full-files',
      getPathsToWatch: () => [path.join(options.samplesDir, '**/*')],
      async loadContent() {
        await writeFullFiles(options, generatedDir);
      },
      configureWebpack(_config, isServer) {
        if (isServer) return;
        return { devServer: { static: [{ directory: generatedDir, publicPath: `${baseUrl}${FULL_FILES_PATH}`, watch: false }] } };
      },
      async postBuild({ outDir }) {
        await cp(generatedDir, path.join(outDir, FULL_FILES_PATH), { recursive: true });
      },
    };
  };
}
