/**
 * The data the `samples` remark plugin injects into `<Sample name="…" />` as its `tabs` prop.
 * Plain JSON-compatible values only: the plugin serialises them into the compiled page.
 */
import type { TryItRequest } from './curlRequest';
import type { SampleLanguageValue } from './languages';
import type { VerificationBadge } from './verification';

export interface HighlightedCode {
  /** Exactly what the reader copies. */
  readonly code: string;
  /** Shiki's `<pre class="shiki">…</pre>` for `code`, coloured through CSS variables. */
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
  /** The whole file, markers removed. `html` is null when the file is too large to ship highlighted twice. */
  readonly fullFile: { readonly code: string; readonly html: string | null };
  /** What CI did with this file, from the folder's `.verified.json`. */
  readonly verification: VerificationBadge;
  /** The request the folder's curl file sends, for the "Try it" button; null when the page cannot send it. */
  readonly tryIt: TryItRequest | null;
  /** The response shown under this tab (see response.ts); null when there is none to show. */
  readonly response: SampleResponse | null;
  /** The starter project's address below the site's base URL (see starter.ts); null for a module to bundle. */
  readonly starter: string | null;
}

/** JSON a sample file printed when CI ran it against the sandbox (its `.response.<language>.json`). */
export interface SampleResponse extends HighlightedCode {
  /** The file that printed it, from the site root. */
  readonly file: string;
  /** `printed`: the tab's own file printed it; `api-answer`: the API's answer, as `file` received it. */
  readonly kind: 'printed' | 'api-answer';
}

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
