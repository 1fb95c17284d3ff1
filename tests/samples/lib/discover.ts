// Where the suite finds the samples; what a sample folder may hold is the site's rule (src/sample-files).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  listSampleFolder,
  listSampleFolders,
  type SampleFile,
  type SampleFolder,
  type SampleLanguageValue,
} from '../../../src/sample-files/index.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SAMPLES_DIR = path.join(REPO_ROOT, 'samples');

/** Every folder under samples/, its files in tab order and its problems (`relativePath` from the repository root). */
export function discoverSamples(): SampleFolder[] {
  return listSampleFolders({ rootDir: REPO_ROOT, samplesDir: SAMPLES_DIR });
}

/** The file of one language in samples/<folder>/, for tests that chain samples. */
export function findSampleFile(folderName: string, language: SampleLanguageValue): SampleFile {
  const file = listSampleFolder({ rootDir: REPO_ROOT, samplesDir: SAMPLES_DIR }, folderName).files.find(
    (candidate) => candidate.language === language,
  );
  if (!file) throw new Error(`samples/${folderName}/ has no ${language} file`);
  return file;
}
