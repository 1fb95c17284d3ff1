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
  /** Region shown, or null when the tab shows the whole file. */
  readonly region: string | null;
  /**
   * The whole file (markers removed) when the tab shows only a region; null when it already shows the
   * whole file. `html` is null when the file is too large to ship highlighted twice.
   */
  readonly fullFile: { readonly code: string; readonly html: string | null } | null;
  /** What CI did with this file, from the folder's `.verified.json`. */
  readonly verification: VerificationBadge;
  /** The request the folder's curl file sends, for the "Try it" button; null when the page cannot send it. */
  readonly tryIt: TryItRequest | null;
}

/** The JSON the folder's TypeScript file printed when CI ran it against the sandbox (its `.response.json`). */
export interface SampleResponse extends HighlightedCode {
  /** The file that printed it, from the site root. */
  readonly file: string;
}

/** Everything a page needs to render one sample folder. */
export interface SampleData {
  readonly tabs: readonly SampleTab[];
  readonly response: SampleResponse | null;
}

export interface SampleProps {
  /** Folder name under `samples/`, as written on the page. */
  readonly name: string;
  /** One entry per file, in the site-wide language order. Injected at build time. */
  readonly tabs: readonly SampleTab[];
  /** Injected at build time. */
  readonly response: SampleResponse | null;
}
