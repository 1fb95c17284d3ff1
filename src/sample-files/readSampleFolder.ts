/**
 * Reads `samples/<name>/` and turns each file into a highlighted tab, with what CI recorded about it
 * (`.verified.json`), the request its curl file sends (for "Try it") and the response its TypeScript file
 * printed in CI (`.response.json`).
 * Every problem throws a `SampleFolderError` naming the folder or file, so a bad sample fails the build.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractCurlRequest, type TryItRequest } from './curlRequest';
import { highlightCode } from './highlight';
import { languageForFile, SAMPLE_LANGUAGES, type SampleLanguage } from './languages';
import { extractCode, SampleRegionError } from './regions';
import { RESPONSE_FILE } from './response';
import type { SampleData, SampleResponse, SampleTab } from './types';
import {
  describeVerification,
  parseVerificationRecord,
  VERIFICATION_RECORD_FILE,
  VerificationRecordError,
  type VerificationRecord,
} from './verification';

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
  const file = `${relativeFolder}/${VERIFICATION_RECORD_FILE}`;
  const content = await readJson(path.join(folder, VERIFICATION_RECORD_FILE), file);
  if (content === null) return {};
  try {
    return parseVerificationRecord(content);
  } catch (error) {
    if (error instanceof VerificationRecordError) throw new SampleFolderError(`${file}: ${error.message}`);
    throw error;
  }
}

async function readResponse(folder: string, relativeFolder: string, typeScriptFile: string | undefined): Promise<SampleResponse | null> {
  const file = `${relativeFolder}/${RESPONSE_FILE}`;
  const content = await readJson(path.join(folder, RESPONSE_FILE), file);
  if (content === null) return null;
  if (typeScriptFile === undefined) throw new SampleFolderError(`${file} exists, but the folder has no TypeScript file that printed it`);
  const code = JSON.stringify(content, null, 2);
  return { file: typeScriptFile, code, html: await highlightCode(code, 'json') };
}

/** The request the curl file sends, when a page can send it too. */
function tryItRequest(curlSource: string | undefined): TryItRequest | null {
  if (curlSource === undefined) return null;
  const result = extractCurlRequest(curlSource);
  return 'request' in result ? result.request : null;
}

export async function readSampleFolder(options: ReadSampleFolderOptions): Promise<SampleData> {
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
      extracted.push({ language, file, source, ...extractCode(source, { commentToken: language.commentToken, region }) });
    } catch (error) {
      if (error instanceof SampleRegionError) throw new SampleFolderError(`${file}: ${error.message}`);
      throw error;
    }
  }

  const record = await readVerificationRecord(folder, relativeFolder);
  const tryIt = tryItRequest(extracted.find((entry) => entry.language.value === 'curl')?.source);

  const tabs = await Promise.all(
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
        verification: describeVerification(language.value, record[path.basename(file)]),
        // The TypeScript tab sends what the curl file sends: both samples make the same API call.
        tryIt: language.value === 'curl' || language.value === 'typescript' ? tryIt : null,
      } satisfies SampleTab;
    }),
  );
  const typeScript = extracted.find((entry) => entry.language.value === 'typescript');
  return { tabs, response: await readResponse(folder, relativeFolder, typeScript?.file) };
}
