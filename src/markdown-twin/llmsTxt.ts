/** `/llms.txt` in the llmstxt.org format: an H1 title, a summary block quote, notes, then H2 link lists. */
export interface LlmsTxtPage {
  readonly title: string;
  /** URL of the page's Markdown twin: absolute when the public origin is known (see `llmsTxtPageUrl`). */
  readonly url: string;
  readonly description: string;
}

export interface LlmsTxt {
  readonly title: string;
  readonly summary: string;
  readonly details: string;
  readonly sections: readonly { readonly name: string; readonly pages: readonly LlmsTxtPage[] }[];
}

/** Markdown link text cannot hold unescaped brackets; descriptions stay on one line. */
const linkText = (value: string) => value.replace(/[[\]\\]/g, '\\$&');
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * A twin's link in `/llms.txt`: absolute on the public origin when the deployment names it (DOCS_SITE_URL),
 * else root-relative, so a local build never points readers at the dev server's `http://127.0.0.1:3000`.
 * `twinPath` already includes the site's base URL.
 */
export function llmsTxtPageUrl(twinPath: string, publicOrigin: string | undefined): string {
  const origin = publicOrigin?.trim().replace(/\/+$/, '');
  return origin ? `${origin}${twinPath}` : twinPath;
}

export function formatLlmsTxt(llms: LlmsTxt): string {
  const lines = [`# ${oneLine(llms.title)}`, '', `> ${oneLine(llms.summary)}`, '', llms.details.trim()];
  for (const section of llms.sections) {
    lines.push('', `## ${oneLine(section.name)}`, '');
    for (const page of section.pages) {
      const description = oneLine(page.description);
      lines.push(`- [${linkText(oneLine(page.title))}](${page.url})${description ? `: ${description}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
