/**
 * "View full file" assets (src/sample-files/fullFile.ts): every sample file's whole text, highlighted, as
 * `/sample-files/<sample>/<file>.<hash>.html`, fetched by the page when the reader opens it; and the
 * declaration files the samples are typechecked against, as they are, at `/sample-files/<file>.d.ts`.
 * Written to a generated folder on every content load, served from there by the dev server, copied into
 * the build.
 */
import { copyFile, cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
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

/**
 * Where the site offers a declaration file of the samples' folder (e.g. `processout-js.d.ts`, the types of
 * ProcessOut.js the browser samples use, which ProcessOut does not publish), below the site's base URL.
 * The address stays the same when the file changes: pages link to it.
 */
export function sampleDeclarationPath(file: string): string {
  return `${FULL_FILES_PATH}/${file}`;
}

/** Copies each `*.d.ts` at the root of the samples' folder below `dir`, byte for byte. */
async function writeDeclarations(options: SampleFullFilesOptions, dir: string): Promise<void> {
  const files = (await readdir(options.samplesDir, { withFileTypes: true })).filter(
    (entry) => entry.isFile() && entry.name.endsWith('.d.ts'),
  );
  for (const { name } of files) {
    const target = path.join(dir, path.relative(FULL_FILES_PATH, sampleDeclarationPath(name)));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(options.samplesDir, name), target);
  }
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
  await writeDeclarations(options, dir);
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
