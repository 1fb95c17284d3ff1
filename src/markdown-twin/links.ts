import path from 'node:path';

/**
 * Points a link of a page at the Markdown twin of the page it links to: `./set-up.mdx#install` from
 * `docs/index.mdx` → `/set-up.md#install`. External links, in-page anchors and links to anything that is
 * not a docs page are left alone (undefined).
 */
export function resolveDocLink(url: string, fromFile: string, twinBySourceFile: ReadonlyMap<string, string>): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return undefined;
  const [target = '', hash] = url.split('#');
  const twin = twinBySourceFile.get(path.resolve(path.dirname(fromFile), decodeURIComponent(target)));
  return twin && (hash ? `${twin}#${hash}` : twin);
}

/** Docusaurus's escape hatch for a file the site serves that is no page: `pathname:///x.d.ts`. */
const PATHNAME_PROTOCOL = 'pathname://';

/**
 * Points a `pathname://` link at the address the HTML page links to (its path below the base URL):
 * `pathname:///sample-files/a.d.ts` → `/sample-files/a.d.ts`. Any other link is left alone (undefined).
 */
export function resolveAssetLink(url: string, baseUrl: string): string | undefined {
  if (!url.startsWith(`${PATHNAME_PROTOCOL}/`)) return undefined;
  return `${baseUrl.replace(/\/$/, '')}${url.slice(PATHNAME_PROTOCOL.length)}`;
}
