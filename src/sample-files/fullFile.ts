/**
 * "View full file": each sample file's whole text, highlighted, is a static asset of the build that the
 * page fetches when the reader opens it, so page chunks (which every page prefetches for its sidebar
 * neighbours) carry only the region shown. The remark plugin puts the asset's address in the tab; the
 * sampleFullFiles plugin writes the asset. Both name it with `fullFileAsset`, from the same HTML.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { highlightCode } from './highlight';
import type { SampleLanguage } from './languages';
import type { SampleRegion } from './regions';

/** The assets' folder below the site's base URL. */
export const FULL_FILES_PATH = 'sample-files';

export interface FullFileAsset {
  /** Address below the site's base URL, e.g. `sample-files/greet/greet.go.1a2b3c4d.html`. */
  readonly path: string;
  /** Shiki's `<pre class="shiki">…</pre>` of the whole file, markers removed. */
  readonly html: string;
}

/** The full-file asset of one sample file. The name carries a hash of the HTML: a changed file is a new address, never a stale cache. */
export async function fullFileAsset(
  sampleName: string,
  file: string,
  language: SampleLanguage,
  region: SampleRegion,
): Promise<FullFileAsset> {
  const html = await highlightCode(region.fullCode, language.grammar);
  const hash = createHash('sha256').update(html).digest('hex').slice(0, 8);
  return { path: `${FULL_FILES_PATH}/${sampleName}/${path.posix.basename(file)}.${hash}.html`, html };
}
