/**
 * Where a page's Markdown twin is published: the page URL plus `.md` (`/apm-prerequisites.md`), and
 * `index.md` for a URL ending in a slash (the home page `/` → `/index.md`). Browser-safe: the doc footer
 * links to it.
 */
export function markdownTwinUrl(permalink: string): string {
  return permalink.endsWith('/') ? `${permalink}index.md` : `${permalink}.md`;
}
