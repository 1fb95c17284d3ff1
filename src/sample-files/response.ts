/**
 * The response each tab shows under its code. A language CI runs (cURL, TypeScript) shows what its own
 * file printed when the samples suite ran it against the sandbox; the others show the API's answer to
 * the same request, which is what the folder's curl file printed (curl prints the answer as is), and say
 * so. The suite keeps each printed output, with IDs, timestamps and the sandbox address normalised, in
 * `samples/<name>/.response.<language>.json` as a vitest file snapshot (tests/samples/lib/responses.ts):
 * a change fails CI until `npx vitest run tests/samples -u` updates it.
 */
import type { SampleLanguageValue } from './languages';

/** The languages whose files CI runs and whose printed output it records. */
export const RECORDED_OUTPUT_LANGUAGES = ['curl', 'typescript'] as const satisfies readonly SampleLanguageValue[];
export type RecordedOutputLanguage = (typeof RECORDED_OUTPUT_LANGUAGES)[number];

/** The language whose recorded output is the API's answer itself. */
export const API_ANSWER_LANGUAGE: RecordedOutputLanguage = 'curl';

export function isRecordedOutputLanguage(language: SampleLanguageValue): language is RecordedOutputLanguage {
  return (RECORDED_OUTPUT_LANGUAGES as readonly string[]).includes(language);
}

/** The golden file of what a language's file printed, e.g. `.response.typescript.json`. */
export function responseFileOf(language: RecordedOutputLanguage): string {
  return `.response.${language}.json`;
}

/** Any golden file name, to tell a stray one (a language that does not run, the old `.response.json`). */
export const RESPONSE_FILE_NAME = /^\.response(?:\.[a-z]+)?\.json$/;

export interface TabResponseSource {
  /** `printed`: this tab's file printed it; `api-answer`: the API's answer, as another file received it. */
  readonly kind: 'printed' | 'api-answer';
  /** The recorded output to show. */
  readonly language: RecordedOutputLanguage;
}

/**
 * Which recorded output a tab shows, given the languages that have one: its own, else (for a language
 * CI does not run) the API's answer; null when neither exists. A recorded language without its own
 * output shows nothing rather than another file's.
 */
export function tabResponseSource(language: SampleLanguageValue, recorded: ReadonlySet<RecordedOutputLanguage>): TabResponseSource | null {
  if (isRecordedOutputLanguage(language)) return recorded.has(language) ? { kind: 'printed', language } : null;
  return recorded.has(API_ANSWER_LANGUAGE) ? { kind: 'api-answer', language: API_ANSWER_LANGUAGE } : null;
}
