/**
 * Build-time syntax highlighting with shiki. Runs in Node only: pages receive finished HTML,
 * so neither shiki nor Prism reaches the browser for sample blocks.
 *
 * The markup is compact because every page's chunk carries it (and prefetches its neighbours'): a token
 * gets one class per colour mode naming its colour in that theme's palette (`class="l3 d7"`), a token in
 * the theme's default colour gets none, and one stylesheet (`highlightStylesheet`, inlined in every
 * page's head by src/plugins/codeTokenColors.ts) maps the classes to colours under `[data-theme]`.
 */
import type { HighlighterGeneric, ThemeRegistrationResolved } from 'shiki';
import { SAMPLE_LANGUAGES, type SampleLanguage } from './languages';

/**
 * Both themes keep every token at 4.5:1 or more against their own background (WCAG AA), unlike
 * `github-light` / `github-dark`, whose comments fall near 3:1.
 */
export const SAMPLE_THEMES = {
  light: 'github-light-high-contrast',
  dark: 'github-dark-default',
} as const;

type Mode = keyof typeof SAMPLE_THEMES;
const MODES = Object.keys(SAMPLE_THEMES) as Mode[];
/** The class prefix of each mode's colours, and the selector that turns that mode on. */
const MODE_CLASS: Record<Mode, string> = { light: 'l', dark: 'd' };
const MODE_SCOPE: Record<Mode, string> = { light: ":root:not([data-theme='dark'])", dark: ":root[data-theme='dark']" };

/** The sample languages' grammars, plus JSON for the responses shown under samples. */
type Grammar = SampleLanguage['grammar'] | 'json';
type Theme = (typeof SAMPLE_THEMES)[Mode];

/** One theme's colours: the block's own, and the token colours by class number (1-based). */
export interface ThemePalette {
  readonly foreground: string;
  readonly background: string;
  readonly tokens: readonly string[];
}

interface Highlighter {
  readonly shiki: HighlighterGeneric<Grammar, Theme>;
  readonly palettes: Record<Mode, ThemePalette>;
}

let highlighter: Promise<Highlighter> | undefined;

/** `#RGB` / `#RRGGBB` in lower case, long form: one spelling per colour, so palette lookups match. */
const normalize = (colour: string) => colour.toLowerCase().replace(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/, '#$1$1$2$2$3$3');

/** Every foreground colour a theme can give a token, in the theme's order. */
function themePalette(theme: ThemeRegistrationResolved): ThemePalette {
  const foreground = normalize(theme.fg);
  const colours = theme.settings.flatMap((setting) => (setting.settings.foreground ? [normalize(setting.settings.foreground)] : []));
  return { foreground, background: normalize(theme.bg), tokens: [...new Set(colours)].filter((colour) => colour !== foreground) };
}

function getHighlighter(): Promise<Highlighter> {
  // One highlighter for the whole build: loading grammars and themes is the slow part.
  highlighter ??= import('shiki').then(async ({ createHighlighter }) => {
    const shiki = await createHighlighter({
      themes: Object.values(SAMPLE_THEMES),
      langs: [...SAMPLE_LANGUAGES.map((language) => language.grammar), 'json'],
    });
    const palettes = Object.fromEntries(MODES.map((mode) => [mode, themePalette(shiki.getTheme(SAMPLE_THEMES[mode]))])) as Record<
      Mode,
      ThemePalette
    >;
    return { shiki, palettes };
  });
  return highlighter;
}

export async function highlightPalettes(): Promise<Record<Mode, ThemePalette>> {
  return (await getHighlighter()).palettes;
}

/** The stylesheet behind the classes `highlightCode` writes. */
export async function highlightStylesheet(): Promise<string> {
  const { palettes } = await getHighlighter();
  // Each mode's block background, for rules that paint over it (the code blocks' scroll shadows).
  const backgrounds = `:root{${MODES.map((mode) => `--code-bg-${mode}:${palettes[mode].background}`).join(';')}}`;
  return [
    backgrounds,
    ...MODES.flatMap((mode) => {
      const { foreground, background, tokens } = palettes[mode];
      const scope = `${MODE_SCOPE[mode]} pre.shiki-themes`;
      return [
        `${scope}{color:${foreground};background-color:${background}}`,
        ...tokens.map((colour, index) => `${scope} .${MODE_CLASS[mode]}${index + 1}{color:${colour}}`),
        `${scope} .${MODE_CLASS[mode]}i{font-style:italic}`,
        `${scope} .${MODE_CLASS[mode]}b{font-weight:700}`,
        `${scope} .${MODE_CLASS[mode]}u{text-decoration:underline}`,
      ];
    }),
  ].join('\n');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** shiki's FontStyle bit flags. */
const FONT_STYLE_CLASSES: readonly [number, string][] = [
  [1, 'i'],
  [2, 'b'],
  [4, 'u'],
];

/**
 * Highlighted blocks by grammar and code. A build asks for the same block many times (one API answer
 * under four tabs, a sample on several pages, a file shown whole as its region and as its full file), and
 * tokenizing is most of the build's own work: each distinct block is highlighted once.
 */
const highlighted = new Map<string, Promise<string>>();

/**
 * Returns `<pre class="shiki shiki-themes …" tabindex="0"><code>` with one `<span class="line">` per line
 * and a `<span class="l… d…">` per coloured token (see the module comment).
 */
export function highlightCode(code: string, grammar: Grammar): Promise<string> {
  const key = `${grammar}\0${code}`;
  let html = highlighted.get(key);
  if (!html) {
    html = tokenizeToHtml(code, grammar);
    highlighted.set(key, html);
  }
  return html;
}

async function tokenizeToHtml(code: string, grammar: Grammar): Promise<string> {
  const { shiki, palettes } = await getHighlighter();
  const lines = shiki.codeToTokensWithThemes(code, { lang: grammar, themes: SAMPLE_THEMES });
  const tokenClasses = (variants: Record<string, { color?: string; fontStyle?: number }>): string =>
    MODES.flatMap((mode) => {
      const style = variants[mode];
      const colour = normalize(style?.color ?? palettes[mode].foreground);
      const classes: string[] = [];
      if (colour !== palettes[mode].foreground) {
        const index = palettes[mode].tokens.indexOf(colour);
        if (index < 0)
          throw new Error(`highlight: ${SAMPLE_THEMES[mode]} coloured a ${grammar} token ${colour}, a colour missing from its palette`);
        classes.push(`${MODE_CLASS[mode]}${index + 1}`);
      }
      for (const [flag, suffix] of FONT_STYLE_CLASSES)
        if (((style?.fontStyle ?? 0) & flag) !== 0) classes.push(`${MODE_CLASS[mode]}${suffix}`);
      return classes;
    }).join(' ');

  const html = lines.map((tokens) => {
    let line = '';
    let open: string | null = null;
    let pending = '';
    const flush = () => {
      if (pending !== '') line += open ? `<span class="${open}">${pending}</span>` : pending;
      pending = '';
    };
    for (const token of tokens) {
      // Whitespace takes no colour: it joins whatever span it sits in.
      const classes: string | null = token.content.trim() === '' ? open : tokenClasses(token.variants) || null;
      if (classes !== open) {
        flush();
        open = classes;
      }
      pending += escapeHtml(token.content);
    }
    flush();
    return `<span class="line">${line}</span>`;
  });
  const themes = Object.values(SAMPLE_THEMES).join(' ');
  return `<pre class="shiki shiki-themes ${themes}" tabindex="0"><code>${html.join('\n')}</code></pre>`;
}
