/**
 * Renders mermaid diagrams to SVG at build time, with mermaid's own browser bundle (the version
 * @docusaurus/theme-mermaid uses, with the site's settings) in a blank page of Debian's Chromium, driven by
 * playwright-core.
 *
 * Mermaid's light and dark themes only change colours: the two renders differ in their `<style>` alone.
 * The stored SVG is therefore one drawing with both stylesheets, each scoped to its colour mode by the
 * site's `[data-theme]` attribute, so switching the mode restyles it without a re-render or a second copy.
 */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tests/browser/lib/chromium';
import { COLOR_MODES, MERMAID_OPTIONS, MERMAID_THEMES, type ColorMode } from './mermaidSettings';
import { diagramKey, normalizeSource } from './store';

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');

declare global {
  interface Window {
    mermaid: {
      initialize(config: object): void;
      render(id: string, text: string): Promise<{ svg: string }>;
    };
  }
}

/** The selector that switches on one colour mode; with no `data-theme` yet (no JavaScript), light applies. */
const MODE_SCOPE: Record<ColorMode, string> = {
  light: ":root:not([data-theme='dark'])",
  dark: ":root[data-theme='dark']",
};

const STYLE = /<style>([\s\S]*?)<\/style>/;

/**
 * Gives every `id` of the SVG the diagram's prefix and rewrites the references to them (`url(#…)`,
 * `href="#…"`, ARIA id lists). Mermaid names participant groups after the source (`id="API"`), so two
 * diagrams on one page would otherwise share ids.
 */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map(([, id = '']) => id).filter((id) => !id.includes(prefix)));
  const renamed = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, start: string, id: string) => `${start}${renamed(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${renamed(id)})`)
    .replace(/((?:xlink:)?href=")#([^"]+)"/g, (_, start: string, id: string) => `${start}#${renamed(id)}"`)
    .replace(
      /(aria-(?:labelledby|describedby)=")([^"]+)"/g,
      (_, start: string, list: string) => `${start}${list.split(/\s+/).map(renamed).join(' ')}"`,
    );
}

/** One render, in a fresh page: mermaid numbers some ids with a page-wide counter. */
async function renderOne(browser: Browser, source: string, mode: ColorMode, id: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    return await page.evaluate(
      async ({ text, config, svgId }) => {
        window.mermaid.initialize(config);
        return (await window.mermaid.render(svgId, text)).svg;
      },
      // The config theme-mermaid passes to mermaid.initialize (see its useMermaidConfig).
      { text: normalizeSource(source), config: { startOnLoad: false, ...MERMAID_OPTIONS, theme: MERMAID_THEMES[mode] }, svgId: id },
    );
  } finally {
    await page.close();
  }
}

/** Mermaid's stylesheet for one mode, every `#id` selector narrowed to that mode. */
function scopedStyle(css: string, id: string, mode: ColorMode): string {
  return css.replace(new RegExp(`#${id}(?![\\w-])`, 'g'), `${MODE_SCOPE[mode]} #${id}`);
}

const INLINE_STYLE = /\sstyle="([^"]*)"/;

/**
 * Both colour modes of one diagram as a single SVG (see the module comment). A few elements carry a
 * theme colour in an inline `style` (the stick figure of an `actor`): those move into the per-mode
 * stylesheets, addressed by a `data-mode-style` index.
 */
export async function renderDiagram(browser: Browser, source: string): Promise<string> {
  const id = `diagram-${diagramKey(source)}`;
  const renders = await Promise.all(COLOR_MODES.map((mode) => renderOne(browser, source, mode, id)));
  const [tags = [], ...otherTags] = renders.map((svg) => svg.replace(STYLE, '<style></style>').match(/<[^>]*>|[^<]+/g) ?? []);
  const rules: string[][] = COLOR_MODES.map((mode, index) => [scopedStyle(STYLE.exec(renders[index] ?? '')?.[1] ?? '', id, mode)]);
  const differs = () =>
    new Error(`The ${COLOR_MODES.join(' and ')} renders of diagram ${id} differ beyond their colours; the renderer keeps one drawing`);
  if (otherTags.some((other) => other.length !== tags.length)) throw differs();
  let moved = 0;
  const merged = tags.map((tag, position) => {
    const variants = [tag, ...otherTags.map((other) => other[position] ?? '')];
    if (variants.every((variant) => variant === tag)) return tag;
    if (variants.some((variant) => variant.replace(INLINE_STYLE, '') !== tag.replace(INLINE_STYLE, ''))) throw differs();
    moved += 1;
    variants.forEach((variant, index) => {
      rules[index]?.push(
        `${MODE_SCOPE[COLOR_MODES[index]!]} #${id} [data-mode-style="${moved}"]{${INLINE_STYLE.exec(variant)?.[1] ?? ''}}`,
      );
    });
    return tag.replace(INLINE_STYLE, ` data-mode-style="${moved}"`);
  });
  return prefixIds(merged.join('').replace('<style></style>', `<style>${rules.flat().join('')}</style>`), id);
}

/** Renders each source with one Chromium; resolves with the SVGs keyed by `diagramKey`. */
export async function renderDiagrams(sources: readonly string[]): Promise<Map<string, string>> {
  const browser = await launchChromium();
  try {
    const rendered = new Map<string, string>();
    for (const source of sources) rendered.set(diagramKey(source), await renderDiagram(browser, source));
    return rendered;
  } finally {
    await browser.close();
  }
}
