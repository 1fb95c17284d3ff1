/**
 * Starter projects ("Download a starter" under each tab): one zip per runnable sample file, made from
 * the file itself at build time (src/sample-files/starter.ts says what goes in). The zips are written
 * to a generated folder on every content load, served from there by the dev server, and copied into
 * the build output as `/starters/<sample>-<language>.zip`.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { strToU8, zipSync, type Zippable } from 'fflate';
// Its types add `devServer` to webpack's configuration, which configureWebpack returns.
import type {} from 'webpack-dev-server';
import { DEMO_PROJECT } from '@apm-docs/sandbox/facts';
import { listSampleFolders, type SampleFile } from '../sample-files/index';
import { STARTERS_PATH, starterFiles, starterFolderName, starterPath } from '../sample-files/starter';

export interface StartersOptions {
  readonly siteDir: string;
  readonly samplesDir: string;
}

/** What `.env.example` suggests: the local sandbox `npm start` runs, with its demo project. */
export const LOCAL_SANDBOX_VALUES: Readonly<Record<string, string>> = {
  PROCESSOUT_PROJECT_ID: DEMO_PROJECT.id,
  PROCESSOUT_PROJECT_SECRET: DEMO_PROJECT.secret,
  PROCESSOUT_API_URL: 'http://127.0.0.1:4010',
  PROCESSOUT_CHECKOUT_URL: 'http://127.0.0.1:4010/checkout',
};

// A fixed date: the same sample gives the same zip on every build.
const ZIP_MTIME = new Date('2025-01-01T00:00:00Z');

/** The zip of one sample file's starter, its files in one top-level folder; null for a browser module. */
export async function starterZip(sampleName: string, file: SampleFile): Promise<Uint8Array | null> {
  const files = starterFiles({
    sampleName,
    language: file.language,
    fileName: path.basename(file.path),
    source: await readFile(file.path, 'utf8'),
    exampleValues: LOCAL_SANDBOX_VALUES,
  });
  if (files === null) return null;
  const folder = starterFolderName(sampleName, file.language);
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) entries[`${folder}/${name}`] = [strToU8(content), { mtime: ZIP_MTIME }];
  return zipSync(entries, { level: 9 });
}

/** Writes every starter zip into `dir` (emptied first). */
async function writeStarters(options: StartersOptions, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const folder of listSampleFolders({ rootDir: options.siteDir, samplesDir: options.samplesDir })) {
    for (const file of folder.files) {
      const zip = await starterZip(folder.name, file);
      if (zip === null) continue;
      await writeFile(path.join(dir, path.basename(starterPath(folder.name, file.language))), zip);
    }
  }
}

export default function starters(options: StartersOptions): (context: LoadContext) => Plugin {
  return ({ generatedFilesDir, baseUrl }) => {
    const generatedDir = path.join(generatedFilesDir, STARTERS_PATH);
    return {
      name: 'starters',
      getPathsToWatch: () => [path.join(options.samplesDir, '**/*')],
      async loadContent() {
        // Rewritten whenever a sample changes (getPathsToWatch), so the dev server serves the current files.
        await writeStarters(options, generatedDir);
      },
      configureWebpack(_config, isServer) {
        if (isServer) return;
        // Merged into the dev server's options (its `static` list is concatenated); unused by the build.
        return { devServer: { static: [{ directory: generatedDir, publicPath: `${baseUrl}${STARTERS_PATH}`, watch: false }] } };
      },
      async postBuild({ outDir }) {
        await cp(generatedDir, path.join(outDir, STARTERS_PATH), { recursive: true });
      },
    };
  };
}
