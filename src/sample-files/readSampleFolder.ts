/**
 * Reads `samples/<name>/` and turns each file into a highlighted tab.
 * Every problem throws a `SampleFolderError` naming the folder or file, so a bad sample fails the build.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { highlightCode } from './highlight';
import { languageForFile, SAMPLE_LANGUAGES, type SampleLanguage } from './languages';
import { extractCode, SampleRegionError } from './regions';
import type { SampleTab } from './types';

/** Above this size the full-file view ships as plain code only, highlighted HTML would weigh the page down. */
const MAX_FULL_FILE_HTML_BYTES = 64 * 1024;

export class SampleFolderError extends Error {
  override name = 'SampleFolderError';
}

export interface ReadSampleFolderOptions {
  /** Site root; `file` paths in the result are relative to it. */
  readonly siteDir: string;
  /** Directory holding one folder per sample. */
  readonly samplesDir: string;
  readonly name: string;
  readonly region?: string | undefined;
}

const SAMPLE_NAME = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

async function listFolder(folder: string, relativeFolder: string) {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SampleFolderError(`sample folder ${relativeFolder}/ does not exist`);
    }
    throw error;
  }
}

export async function readSampleFolder(options: ReadSampleFolderOptions): Promise<SampleTab[]> {
  const { siteDir, samplesDir, name, region } = options;
  if (!SAMPLE_NAME.test(name)) {
    throw new SampleFolderError(`sample name "${name}" must be a folder name such as "create-invoice"`);
  }
  const folder = path.join(samplesDir, name);
  const relativeFolder = path.relative(siteDir, folder).split(path.sep).join('/');
  // Dotfiles (.DS_Store, .gitkeep) are editor or VCS litter, not samples.
  const entries = (await listFolder(folder, relativeFolder))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));

  const byLanguage = new Map<SampleLanguage, string>();
  for (const entry of entries) {
    const file = `${relativeFolder}/${entry.name}`;
    if (!entry.isFile()) throw new SampleFolderError(`${file} is not a file; a sample folder holds only source files`);
    const language = languageForFile(entry.name);
    if (!language) {
      const known = SAMPLE_LANGUAGES.map((candidate) => candidate.extension).join(', ');
      throw new SampleFolderError(`${file}: unknown extension (expected one of ${known})`);
    }
    const other = byLanguage.get(language);
    if (other) throw new SampleFolderError(`${relativeFolder}/ has two ${language.label} files: ${other} and ${entry.name}`);
    byLanguage.set(language, entry.name);
  }
  if (byLanguage.size === 0) throw new SampleFolderError(`sample folder ${relativeFolder}/ has no sample files`);

  // Extract every file first, in tab order, so a bad file is reported the same way on every build.
  const extracted = [];
  for (const language of SAMPLE_LANGUAGES.filter((candidate) => byLanguage.has(candidate))) {
    const file = `${relativeFolder}/${byLanguage.get(language) as string}`;
    const source = await readFile(path.join(siteDir, file), 'utf8');
    try {
      extracted.push({ language, file, ...extractCode(source, { commentToken: language.commentToken, region }) });
    } catch (error) {
      if (error instanceof SampleRegionError) throw new SampleFolderError(`${file}: ${error.message}`);
      throw error;
    }
  }

  return Promise.all(
    extracted.map(async ({ language, file, code, region: shownRegion, fullCode }) => {
      let fullFile: SampleTab['fullFile'] = null;
      if (shownRegion !== null) {
        const fullHtml = await highlightCode(fullCode, language.grammar);
        fullFile = { code: fullCode, html: Buffer.byteLength(fullHtml) <= MAX_FULL_FILE_HTML_BYTES ? fullHtml : null };
      }
      return {
        value: language.value,
        label: language.label,
        file,
        region: shownRegion,
        code,
        html: await highlightCode(code, language.grammar),
        fullFile,
      } satisfies SampleTab;
    }),
  );
}
