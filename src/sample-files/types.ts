/**
 * The data the `samples` remark plugin injects into `<Sample name="…" />` as its `tabs` prop.
 * Plain JSON-compatible values only: the plugin serialises them into the compiled page.
 */
import type { SampleLanguageValue } from './languages';

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
}

export interface SampleProps {
  /** Folder name under `samples/`, as written on the page. */
  readonly name: string;
  /** One entry per file, in the site-wide language order. Injected at build time. */
  readonly tabs: readonly SampleTab[];
}
