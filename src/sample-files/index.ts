/**
 * The sample format: what a `samples/<name>/` folder may hold and how its files are read. The site (remark
 * plugin, Markdown twin), the samples suite and the browser tests all import these rules from here, so a
 * folder the suite accepts is a folder the site can show. Browser code (src/components) imports
 * `languages.ts` and the types directly: this module also pulls in `node:fs`.
 */
export * from './languages';
export * from './sampleFolder';
export * from './regions';
export * from './readSampleFolder';
export * from './curlRequest';
export type * from './types';
