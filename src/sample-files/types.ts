/**
 * The data the `samples` remark plugin injects into `<Sample name="…" />` as its `tabs` prop.
 * Plain JSON-compatible values only: the plugin serialises them into the compiled page.
 */
import type { TryItRequest } from './curlRequest';
import type { SampleLanguageValue } from './languages';
import type { VerificationBadge } from './verification';

export interface HighlightedCode {
  /**
   * Shiki's `<pre class="shiki">…</pre>`, one `<span class="line">` per line (see highlight.ts). No plain
   * copy rides along: the page copies the lines' text, which is the code byte for byte.
   */
  readonly html: string;
}

export interface SampleTab extends HighlightedCode {
  /** Tab value, e.g. `typescript`; also the `?language=` value. */
  readonly value: SampleLanguageValue;
  /** Tab label, e.g. `TypeScript`. */
  readonly label: string;
  /** Path from the site root, with forward slashes, e.g. `samples/create-invoice/create-invoice.ts`. */
  readonly file: string;
  /** The file's one region, which the tab shows (see regions.ts). */
  readonly region: string;
  /** Address below the site's base URL of the whole file highlighted, markers removed, fetched on demand (fullFile.ts). */
  readonly fullFile: string;
  /** What CI did with this file, from the folder's `.verified.json`. */
  readonly verification: VerificationBadge;
  /** The request the folder's curl file sends, for the "Try it" button; null when the page cannot send it. */
  readonly tryIt: TryItRequest | null;
  /** The response shown under this tab (see response.ts); null when there is none to show. */
  readonly response: SampleResponse | null;
  /** The starter project's address below the site's base URL (see starter.ts); null for a module to bundle. */
  readonly starter: string | null;
}

/** Which file printed the response a tab shows, and how it relates to the tab. */
export interface ResponseOrigin {
  /** The file that printed it, from the site root. */
  readonly file: string;
  /** `printed`: the tab's own file printed it; `api-answer`: the API's answer, as `file` received it. */
  readonly kind: 'printed' | 'api-answer';
}

/** JSON a sample file printed when CI ran it against the sandbox (its `.response.<language>.json`), highlighted. */
export interface SampleResponse extends ResponseOrigin, HighlightedCode {}

/** Everything a page needs to render one sample folder. */
export interface SampleData {
  readonly tabs: readonly SampleTab[];
}

export interface SampleProps {
  /** Folder name under `samples/`, as written on the page. */
  readonly name: string;
  /** One entry per file, in the site-wide language order. Injected at build time. */
  readonly tabs: readonly SampleTab[];
}
