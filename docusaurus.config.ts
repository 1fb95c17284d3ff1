import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { darkCodeTheme, lightCodeTheme } from './src/prismThemes';
import { DEMO_PROJECT } from '@apm-docs/sandbox/facts';
import type { TryItSettings } from './src/components/Sample/tryItSettings';
import codeTokenColors from './src/plugins/codeTokenColors';
import commonJsBuildOutput from './src/plugins/commonJsBuildOutput';
import inlineDiagrams from './src/plugins/inlineDiagrams';
import lazyPrism from './src/plugins/lazyPrism';
import markdownTwin from './src/plugins/markdownTwin';
import sampleDependencies from './src/plugins/sampleDependencies';
import starters from './src/plugins/starters';
import sampleFullFiles from './src/plugins/sampleFullFiles';
import remarkSamples from './src/remark/samples';
import remarkMermaidDiagrams from './src/remark/mermaidDiagrams';
import remarkErrorReference from './src/remark/errorReference';
import remarkTestOutcomes from './src/remark/testOutcomes';
import remarkCodeBlockChunk from './src/remark/codeBlockChunk';
import { MERMAID_OPTIONS, MERMAID_THEMES } from './src/diagrams/mermaidSettings';
import { editUrlFrom } from './src/site-config/editLinks';
import { SITE_ORIGINS, sandboxUrlFrom } from './src/site-config/tryIt';

const siteDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Diagrams are inline SVGs rendered at build time (src/remark/mermaidDiagrams.ts). Only `docusaurus start`
 * keeps @docusaurus/theme-mermaid, to draw a diagram edited since its last `npm run diagrams` in the browser.
 */
const clientMermaid = process.env.NODE_ENV !== 'production';

/**
 * The public URL decides the sitemap's and canonical links' host. Deployments set DOCS_SITE_URL
 * (and DOCS_BASE_URL when served below the domain root); local builds use the dev server's address.
 */
const siteUrl = process.env.DOCS_SITE_URL ?? 'http://127.0.0.1:3000';
const baseUrl = process.env.DOCS_BASE_URL ?? '/';

/** Where the "Try it" buttons send requests: the sandbox `npm start` runs, unless SANDBOX_URL says otherwise. */
const tryIt: TryItSettings = {
  sandboxUrl: sandboxUrlFrom(process.env),
  siteOrigins: SITE_ORIGINS,
  demoProject: DEMO_PROJECT,
};

export default async function createConfig(): Promise<Config> {
  const samplesDir = path.join(siteDir, 'samples');
  const docsDir = path.join(siteDir, 'docs');

  return {
    title: 'APM docs',
    tagline: 'Accept Alternative Payment Methods through the ProcessOut API, with samples that run in CI.',
    favicon: 'img/favicon.svg',
    url: siteUrl,
    baseUrl,
    trailingSlash: false,

    future: { v4: true, faster: true },

    customFields: { tryIt },

    onBrokenLinks: 'throw',
    onBrokenAnchors: 'throw',

    markdown: {
      mermaid: clientMermaid,
      hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
    },

    i18n: { defaultLocale: 'en', locales: ['en'] },

    presets: [
      [
        'classic',
        {
          docs: {
            // The docs are the whole site: the overview page is the home page.
            routeBasePath: '/',
            sidebarPath: './sidebars.ts',
            path: docsDir,
            // "Last updated" from each page's last commit; "Edit this page" only when DOCS_REPO_URL is set.
            showLastUpdateTime: true,
            editUrl: editUrlFrom(process.env),
            beforeDefaultRemarkPlugins: [
              [remarkSamples, { siteDir, samplesDir }],
              [remarkMermaidDiagrams, { clientFallback: clientMermaid }],
              remarkTestOutcomes,
              [remarkErrorReference, { referencePage: path.join(docsDir, 'error-reference.mdx') }],
              remarkCodeBlockChunk,
            ],
          },
          blog: false,
          pages: false,
          theme: { customCss: './src/css/custom.css' },
          // The search page has nothing of its own to index (and says noindex).
          sitemap: { ignorePatterns: ['/search'] },
        } satisfies Preset.Options,
      ],
    ],

    clientModules: ['./src/client/idlePrefetch.ts'],

    plugins: [
      commonJsBuildOutput,
      codeTokenColors,
      inlineDiagrams,
      lazyPrism,
      sampleDependencies({ samplesDir, docsDir }),
      markdownTwin({ siteDir, samplesDir, publicOrigin: process.env.DOCS_SITE_URL }),
      starters({ siteDir, samplesDir }),
      sampleFullFiles({ siteDir, samplesDir }),
    ],

    themes: [
      ...(clientMermaid ? ['@docusaurus/theme-mermaid'] : []),
      [
        '@easyops-cn/docusaurus-search-local',
        {
          // The docs are served from the site root; there is no blog and no standalone page.
          docsRouteBasePath: '/',
          indexBlog: false,
          indexPages: false,
          hashed: 'filename',
          // Prose only: code and samples would bloat the index with tokens nobody searches. A diagram is
          // indexed once, through its step list: its drawing repeats the same labels.
          ignoreCssSelectors: ['pre', '[data-sample]', '.diagram__drawing', '.docusaurus-mermaid-container'],
          searchResultLimits: 8,
        },
      ],
    ],

    themeConfig: {
      colorMode: { respectPrefersColorScheme: true },
      // The browser UI takes the navbar's colour in each mode.
      metadata: [
        { name: 'theme-color', content: '#ffffff', media: '(prefers-color-scheme: light)' },
        { name: 'theme-color', content: '#242526', media: '(prefers-color-scheme: dark)' },
      ],
      prism: { theme: lightCodeTheme, darkTheme: darkCodeTheme },
      // The same settings the build-time renderer uses (src/diagrams/mermaidSettings.ts).
      mermaid: { theme: MERMAID_THEMES, options: MERMAID_OPTIONS },
      navbar: {
        title: 'APM docs',
        logo: { alt: '', src: 'img/favicon.svg', width: 32, height: 32 },
        items: [
          // Plain links: a `doc` item counts as active on every page of its sidebar, which would put "Set up"
          // in the search results' breadcrumb of every page.
          { to: '/set-up-your-environment', label: 'Set up', position: 'left' },
          { to: '/apm-prerequisites', label: 'APM prerequisites', position: 'left' },
          // Highlighted on every step of the flow, not only the first.
          { to: '/accept-apm-payments/list-apms', activeBasePath: '/accept-apm-payments', label: 'Accept a payment', position: 'left' },
          { href: 'https://docs.processout.com/reference', label: 'API reference', position: 'right' },
        ],
      },
      footer: {
        style: 'dark',
        links: [
          {
            title: 'Guides',
            items: [
              { label: 'Set up your environment', to: '/set-up-your-environment' },
              { label: 'APM prerequisites', to: '/apm-prerequisites' },
            ],
          },
          {
            title: 'ProcessOut',
            items: [{ label: 'API reference', href: 'https://docs.processout.com/reference' }],
          },
        ],
        copyright: 'Every code sample on this site is a file that CI runs or checks against a local ProcessOut-compatible sandbox.',
      },
    } satisfies Preset.ThemeConfig,
  };
}
