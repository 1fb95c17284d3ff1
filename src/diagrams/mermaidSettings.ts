/**
 * The mermaid settings of the site, in one place: docusaurus.config.ts hands them to
 * @docusaurus/theme-mermaid (client rendering in `npm run dev`), and the build-time renderer uses the same
 * ones, so a stored SVG looks like what theme-mermaid would draw.
 */
export const MERMAID_THEMES = { light: 'neutral', dark: 'dark' } as const;

export type ColorMode = keyof typeof MERMAID_THEMES;
export const COLOR_MODES = Object.keys(MERMAID_THEMES) as ColorMode[];

export const MERMAID_OPTIONS = {
  // Seven participants must fit the ~720px text column: narrow actors, wrapped messages.
  sequence: { wrap: true, width: 104, actorMargin: 8, messageMargin: 28, messageFontSize: 14, actorFontSize: 14 },
} as const;
