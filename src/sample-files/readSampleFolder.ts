/**
 * Reads `samples/<name>/`: each file's region (`readSampleCode`, all the Markdown twin needs), and for a
 * page (`readSampleFolder`) each file as a highlighted tab, with what CI recorded about it
 * (`.verified*.json`), the request its curl file sends (for "Try it"), the response it shows (what it or
 * the curl file printed in CI, `.response.<language>.json`) and its starter project's address.
 * Every problem throws a `SampleFolderError` naming the folder or file, so a bad sample fails the build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractCurlRequest, type TryItRequest } from './curlRequest';
import { fullFileAsset } from './fullFile';
import { highlightCode } from './highlight';
import { sampleLanguage, type SampleLanguage } from './languages';
import { readRegion, SampleRegionError, type SampleRegion } from './regions';
import { RECORDED_OUTPUT_LANGUAGES, responseFileOf, tabResponseSource, type RecordedOutputLanguage } from './response';
import { listSampleFolder } from './sampleFolder';
import { runCommandOf, starterPath } from './starter';
import type { ResponseOrigin, SampleData, SampleTab } from './types';
import {
  describeVerification,
  mergeVerificationRecords,
  parseVerificationRecord,
  VERIFICATION_RECORD_FILES,
  VerificationRecordError,
  type VerificationRecord,
} from './verification';

export class SampleFolderError extends Error {
  override name = 'SampleFolderError';
}

export interface ReadSampleFolderOptions {
  /** Site root; `file` paths in the result are relative to it. */
  readonly siteDir: string;
  /** Directory holding one folder per sample. */
  readonly samplesDir: string;
  readonly name: string;
}

export interface SampleFileCode {
  readonly language: SampleLanguage;
  /** Path from the site root, e.g. `samples/create-invoice/create-invoice.ts`. */
  readonly file: string;
  readonly source: string;
  readonly region: SampleRegion;
  /** The response its tab shows, unhighlighted. */
  readonly response: (ResponseOrigin & { readonly code: string }) | null;
}

/** A folder's files, in tab order. */
export interface SampleCode {
  readonly files: readonly SampleFileCode[];
}

/** Reads a JSON file; null when it does not exist. `relativeFile` names it in errors. */
async function readJson(absoluteFile: string, relativeFile: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(absoluteFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SampleFolderError(`${relativeFile} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readVerificationRecord(folder: string, relativeFolder: string): Promise<VerificationRecord> {
  const records: VerificationRecord[] = [];
  for (const name of VERIFICATION_RECORD_FILES) {
    const file = `${relativeFolder}/${name}`;
    const content = await readJson(path.join(folder, name), file);
    if (content === null) continue;
    try {
      records.push(parseVerificationRecord(content));
    } catch (error) {
      if (error instanceof VerificationRecordError) throw new SampleFolderError(`${file}: ${error.message}`);
      throw error;
    }
  }
  try {
    return mergeVerificationRecords(records);
  } catch (error) {
    if (error instanceof VerificationRecordError) throw new SampleFolderError(`${relativeFolder}: ${error.message}`);
    throw error;
  }
}

/** The recorded output of each language that has one, by language, with the file that printed it. */
async function readRecordedOutputs(
  folder: string,
  relativeFolder: string,
  files: readonly { language: SampleLanguage; file: string }[],
): Promise<Map<RecordedOutputLanguage, { file: string; code: string }>> {
  const outputs = new Map<RecordedOutputLanguage, { file: string; code: string }>();
  for (const language of RECORDED_OUTPUT_LANGUAGES) {
    const golden = `${relativeFolder}/${responseFileOf(language)}`;
    const content = await readJson(path.join(folder, responseFileOf(language)), golden);
    if (content === null) continue;
    const printer = files.find((entry) => entry.language.value === language);
    if (!printer) throw new SampleFolderError(`${golden} exists, but the folder has no ${language} file that printed it`);
    outputs.set(language, { file: printer.file, code: JSON.stringify(content, null, 2) });
  }
  return outputs;
}

/** The request the curl file sends, when a page can send it too. */
function tryItRequest(curlSource: string | undefined): TryItRequest | null {
  if (curlSource === undefined) return null;
  const result = extractCurlRequest(curlSource);
  return 'request' in result ? result.request : null;
}

export async function readSampleCode(options: ReadSampleFolderOptions): Promise<SampleCode> {
  const { siteDir, samplesDir, name } = options;
  const folder = listSampleFolder({ rootDir: siteDir, samplesDir }, name);
  if (folder.problems.length > 0) throw new SampleFolderError(folder.problems.join('\n'));

  // Every file in tab order, so a bad file is reported the same way on every build.
  const files: Omit<SampleFileCode, 'response'>[] = [];
  for (const { path: absolute, relativePath: file, language: value } of folder.files) {
    const language = sampleLanguage(value);
    const source = await readFile(absolute, 'utf8');
    try {
      files.push({ language, file, source, region: readRegion(source, language) });
    } catch (error) {
      if (error instanceof SampleRegionError) throw new SampleFolderError(`${file}: ${error.message}`);
      throw error;
    }
  }
  const relativeFolder = path.relative(siteDir, folder.path).split(path.sep).join('/');
  const outputs = await readRecordedOutputs(folder.path, relativeFolder, files);
  const recorded = new Set(outputs.keys());
  return {
    files: files.map((entry) => {
      const source = tabResponseSource(entry.language.value, recorded);
      const output = source && outputs.get(source.language);
      return { ...entry, response: output ? { ...output, kind: source.kind } : null };
    }),
  };
}

export async function readSampleFolder(options: ReadSampleFolderOptions): Promise<SampleData> {
  const { files } = await readSampleCode(options);
  const folder = path.join(options.samplesDir, options.name);
  const record = await readVerificationRecord(folder, path.relative(options.siteDir, folder).split(path.sep).join('/'));
  const tryIt = tryItRequest(files.find((entry) => entry.language.value === 'curl')?.source);

  const tabs = await Promise.all(
    files.map(async ({ language, file, source, region, response }) => {
      return {
        value: language.value,
        label: language.label,
        file,
        region: region.name,
        html: await highlightCode(region.code, language.grammar),
        fullFile: (await fullFileAsset(options.name, file, language, region)).path,
        verification: describeVerification(language.value, record[path.basename(file)]),
        // The TypeScript tab sends what the curl file sends: both samples make the same API call.
        tryIt: language.value === 'curl' || language.value === 'typescript' ? tryIt : null,
        response: response && { file: response.file, kind: response.kind, html: await highlightCode(response.code, 'json') },
        starter: runCommandOf(language.value, path.basename(file), source) === null ? null : starterPath(options.name, language.value),
      } satisfies SampleTab;
    }),
  );
  return { tabs };
}
