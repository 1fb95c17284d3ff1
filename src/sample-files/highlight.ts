/**
 * Build-time syntax highlighting with shiki. Runs in Node only: pages receive finished HTML,
 * so neither shiki nor Prism reaches the browser for sample blocks.
 */
import type { HighlighterGeneric } from 'shiki';
import { SAMPLE_LANGUAGES, type SampleLanguage } from './languages';

/**
 * Both themes keep every token at 4.5:1 or more against their own background (WCAG AA), unlike
 * `github-light` / `github-dark`, whose comments fall near 3:1.
 */
export const SAMPLE_THEMES = {
  light: 'github-light-high-contrast',
  dark: 'github-dark-default',
} as const;

/** The sample languages' grammars, plus JSON for the responses shown under samples. */
type Grammar = SampleLanguage['grammar'] | 'json';
type Theme = (typeof SAMPLE_THEMES)[keyof typeof SAMPLE_THEMES];

let highlighter: Promise<HighlighterGeneric<Grammar, Theme>> | undefined;

function getHighlighter(): Promise<HighlighterGeneric<Grammar, Theme>> {
  // One highlighter for the whole build: loading grammars and themes is the slow part.
  highlighter ??= import('shiki').then(({ createHighlighter }) =>
    createHighlighter({
      themes: Object.values(SAMPLE_THEMES),
      langs: [...SAMPLE_LANGUAGES.map((language) => language.grammar), 'json'],
    }),
  );
  return highlighter;
}

/**
 * Returns a `<pre class="shiki …">` whose tokens carry `--shiki-light` / `--shiki-dark` CSS variables
 * (and the `<pre>` the `-bg` variants); the site CSS picks one set per colour mode.
 */
export async function highlightCode(code: string, grammar: Grammar): Promise<string> {
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code, { lang: grammar, themes: SAMPLE_THEMES, defaultColor: false });
}
