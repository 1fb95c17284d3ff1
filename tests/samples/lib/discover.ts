import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { languageOfExtension, type Language } from "./languages.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const SAMPLES_DIR = path.join(REPO_ROOT, "samples");

export interface SampleFile {
  /** Absolute path. */
  path: string;
  /** Path from the repository root, for test names and messages. */
  relativePath: string;
  language: Language;
}

export interface SampleFolder {
  name: string;
  path: string;
  files: SampleFile[];
  /** Entries that are not a file of a known language (unknown extension, sub-folder, second file of a language). */
  problems: string[];
}

/** Every folder under samples/ with its files, by language. Files directly in samples/ (tsconfig) are not samples. */
export function discoverSamples(samplesDir = SAMPLES_DIR): SampleFolder[] {
  return readdirSync(samplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readSampleFolder(path.join(samplesDir, name)));
}

function readSampleFolder(folderPath: string): SampleFolder {
  const folder: SampleFolder = { name: path.basename(folderPath), path: folderPath, files: [], problems: [] };
  // Dotfiles are not samples: the suite's own records (.verified.json, .response.json), editor litter.
  const entries = readdirSync(folderPath, { withFileTypes: true }).filter((entry) => !entry.name.startsWith("."));
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const entryPath = path.join(folderPath, entry.name);
    const relativePath = path.relative(REPO_ROOT, entryPath);
    const language = entry.isFile() ? languageOfExtension(path.extname(entry.name)) : undefined;
    if (!language) {
      folder.problems.push(`${relativePath}: not a sample file (known extensions: .sh .ts .py .rb .php .go)`);
    } else if (folder.files.some((file) => file.language === language)) {
      folder.problems.push(`${relativePath}: a second ${language} file (one file per language)`);
    } else {
      folder.files.push({ path: entryPath, relativePath, language });
    }
  }
  return folder;
}

/** The file of one language in samples/<folder>/, for tests that chain samples. */
export function findSampleFile(folderName: string, language: Language, samplesDir = SAMPLES_DIR): SampleFile {
  const file = readSampleFolder(path.join(samplesDir, folderName)).files.find((candidate) => candidate.language === language);
  if (!file) throw new Error(`samples/${folderName}/ has no ${language} file`);
  return file;
}
