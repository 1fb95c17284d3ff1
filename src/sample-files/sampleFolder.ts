/**
 * What a sample folder may hold. `samples/<name>/`, with <name> lowercase words joined by hyphens, holds
 * one file per language, named `<name><extension>` (extensions in `SAMPLE_LANGUAGES`), and nothing
 * else but dotfiles: the suites' records (`.verified*.json`, `.response.<language>.json`) and editor litter.
 * The site and the samples suite both list folders here, so a folder one accepts the other accepts too.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { SAMPLE_LANGUAGES, type SampleLanguageValue } from './languages';

/** A sample folder's name; a region is named the same way. */
export const SAMPLE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SampleDirs {
  /** Site or repository root: `relativePath`s are relative to it. */
  readonly rootDir: string;
  /** Directory holding one folder per sample. */
  readonly samplesDir: string;
}

export interface SampleFile {
  /** Absolute path. */
  readonly path: string;
  /** Path from the root, with forward slashes, e.g. `samples/create-invoice/create-invoice.ts`. */
  readonly relativePath: string;
  readonly language: SampleLanguageValue;
}

export interface SampleFolder {
  readonly name: string;
  /** Absolute path. */
  readonly path: string;
  /** Its files, in the site-wide language (tab) order. */
  readonly files: readonly SampleFile[];
  /** Why the folder breaks the rules above, one message per problem naming the entry; empty when it does not. */
  readonly problems: readonly string[];
}

const relative = (dirs: SampleDirs, absolute: string) => path.relative(dirs.rootDir, absolute).split(path.sep).join('/');

function readEntries(folder: string): Dirent[] | undefined {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Lists `samples/<name>/`; every rule it breaks is one entry of `problems`. */
export function listSampleFolder(dirs: SampleDirs, name: string): SampleFolder {
  const folderPath = path.join(dirs.samplesDir, name);
  const folder = { name, path: folderPath, files: [] as SampleFile[], problems: [] as string[] };
  if (!SAMPLE_NAME.test(name)) {
    folder.problems.push(`sample name "${name}" must be a folder name of lowercase words joined by hyphens, such as "create-invoice"`);
    return folder;
  }
  const relativeFolder = relative(dirs, folderPath);
  const entries = readEntries(folderPath);
  if (!entries) {
    folder.problems.push(`sample folder ${relativeFolder}/ does not exist`);
    return folder;
  }

  const expected = SAMPLE_LANGUAGES.map((language) => `${name}${language.extension}`);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const entryPath = `${relativeFolder}/${entry.name}`;
    if (!entry.isFile()) folder.problems.push(`${entryPath}/ is a folder; a sample folder holds only its files (${expected.join(', ')})`);
    else if (!expected.includes(entry.name))
      folder.problems.push(`${entryPath} is not a sample file; name it one of ${expected.join(', ')}`);
  }
  for (const language of SAMPLE_LANGUAGES) {
    const file = entries.find((entry) => entry.isFile() && entry.name === `${name}${language.extension}`);
    if (file)
      folder.files.push({
        path: path.join(folderPath, file.name),
        relativePath: `${relativeFolder}/${file.name}`,
        language: language.value,
      });
  }
  if (folder.files.length === 0 && folder.problems.length === 0)
    folder.problems.push(`sample folder ${relativeFolder}/ has no sample files`);
  return folder;
}

/** Every folder under the samples directory; files directly in it (its tsconfig files) are not samples. */
export function listSampleFolders(dirs: SampleDirs): SampleFolder[] {
  return (readEntries(dirs.samplesDir) ?? [])
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => listSampleFolder(dirs, name));
}
