/**
 * Publishes every docs page as Markdown next to its HTML (`/apm-prerequisites.md`, `/index.md` for the
 * home page) with its samples resolved, plus `/llms.txt` listing them (llmstxt.org). Runs after the
 * build, from the docs plugin's own metadata and the page sources, and reads samples with
 * `src/sample-files`, the code the pages themselves use (without highlighting: Markdown has none).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedContent, DocMetadata } from '@docusaurus/plugin-content-docs';
import type { Plugin } from '@docusaurus/types';
import { resolveAssetLink, resolveDocLink } from '../markdown-twin/links';
import { formatLlmsTxt, llmsTxtPageUrl } from '../markdown-twin/llmsTxt';
import { mdxToMarkdown } from '../markdown-twin/toMarkdown';
import { markdownTwinUrl } from '../markdown-twin/twinUrl';
import { readSampleCode } from '../sample-files/index';

export interface MarkdownTwinOptions {
  readonly siteDir: string;
  readonly samplesDir: string;
  /** The deployment's public origin (DOCS_SITE_URL), if it set one: `/llms.txt` links are absolute only then. */
  readonly publicOrigin?: string | undefined;
}

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

/** The docs in sidebar order, then any doc no sidebar lists; drafts are never built. */
function docsInReadingOrder(content: LoadedContent): DocMetadata[] {
  const [version] = content.loadedVersions;
  if (!version) return [];
  const byId = new Map(version.docs.map((doc) => [doc.id, doc]));
  const ordered: DocMetadata[] = [];
  const visit = (items: readonly unknown[]) => {
    for (const item of items as { type: string; id?: string; items?: unknown[] }[]) {
      const doc = item.type === 'doc' && item.id ? byId.get(item.id) : undefined;
      if (doc && !ordered.includes(doc)) ordered.push(doc);
      if (item.items) visit(item.items);
    }
  };
  for (const sidebar of Object.values(version.sidebars)) visit(sidebar);
  const rest = version.docs.filter((doc) => !ordered.includes(doc)).sort((a, b) => a.permalink.localeCompare(b.permalink));
  return [...ordered, ...rest];
}

function sourcePath(doc: DocMetadata, siteDir: string): string {
  return path.join(siteDir, doc.source.replace(/^@site\//, ''));
}

export default function markdownTwin(options: MarkdownTwinOptions): () => Plugin {
  return () => ({
    name: 'markdown-twin',
    async postBuild({ outDir, plugins, siteConfig, baseUrl }) {
      const docsPlugin = plugins.find((plugin) => plugin.name === DOCS_PLUGIN);
      if (!docsPlugin) throw new Error(`markdown-twin: the ${DOCS_PLUGIN} plugin is not loaded`);
      const docs = docsInReadingOrder(docsPlugin.content as LoadedContent);
      const twinBySource = new Map(docs.map((doc) => [sourcePath(doc, options.siteDir), markdownTwinUrl(doc.permalink)]));
      const outFile = (url: string) => path.join(outDir, url.slice(baseUrl.length));

      for (const doc of docs) {
        const file = sourcePath(doc, options.siteDir);
        const markdown = await mdxToMarkdown(
          { title: doc.title, description: doc.description, source: await readFile(file, 'utf8') },
          {
            readSample: (name) => readSampleCode({ siteDir: options.siteDir, samplesDir: options.samplesDir, name }),
            resolveLink: (url) => resolveAssetLink(url, baseUrl) ?? resolveDocLink(url, file, twinBySource),
          },
        );
        const target = outFile(markdownTwinUrl(doc.permalink));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, markdown);
      }

      const llmsTxt = formatLlmsTxt({
        title: siteConfig.title,
        summary: siteConfig.tagline,
        details: [
          'Each page below is the Markdown version of a page of this site, with its code samples inlined: one',
          'fenced block per language, titled with the sample file path. Every sample is a real file that CI',
          'checks or runs against a local ProcessOut-compatible sandbox. The HTML page is the same URL without ".md".',
        ].join('\n'),
        sections: [
          {
            name: 'Guides',
            pages: docs
              .filter((doc) => !doc.unlisted)
              .map((doc) => ({
                title: doc.title,
                url: llmsTxtPageUrl(markdownTwinUrl(doc.permalink), options.publicOrigin),
                description: doc.description,
              })),
          },
        ],
      });
      await writeFile(path.join(outDir, 'llms.txt'), llmsTxt);
    },
  });
}
