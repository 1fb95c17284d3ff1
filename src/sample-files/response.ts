/**
 * The response shown under a sample: what its TypeScript file printed when the samples suite ran it
 * against the sandbox, with IDs, timestamps and the sandbox address normalised so that it is the same on
 * every run. The suite keeps it in `samples/<name>/.response.json` as a vitest file snapshot
 * (tests/samples/lib/responses.ts): a change fails CI until `npx vitest run -u` updates it.
 */
export const RESPONSE_FILE = '.response.json';
