import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { resolveAssetLink, resolveDocLink } from '../../src/markdown-twin/links';
import { formatLlmsTxt, llmsTxtPageUrl } from '../../src/markdown-twin/llmsTxt';
import { MarkdownTwinError, mdxToMarkdown } from '../../src/markdown-twin/toMarkdown';
import { markdownTwinUrl } from '../../src/markdown-twin/twinUrl';
import { readSampleCode } from '../../src/sample-files/index';

// Markdown has no highlighting: the twin must never start shiki.
vi.mock('../../src/sample-files/highlight', () => ({
  highlightCode: () => {
    throw new Error('the Markdown twin highlighted code');
  },
}));

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const guideFile = path.join(fixtures, 'docs', 'guide.mdx');
const twins = new Map([
  [guideFile, '/guide.md'],
  [path.join(fixtures, 'docs', 'other.mdx'), '/other.md'],
]);

const context = {
  readSample: (name: string) => readSampleCode({ siteDir: fixtures, samplesDir: path.join(fixtures, 'samples'), name }),
  resolveLink: (url: string) => resolveDocLink(url, guideFile, twins),
};

async function guideTwin(): Promise<string> {
  const source = await readFile(guideFile, 'utf8');
  return mdxToMarkdown({ title: 'A fixture guide', description: 'A page with everything the Markdown twin must handle.', source }, context);
}

describe('mdxToMarkdown', () => {
  it('starts with the title and the description, and drops front matter, imports and comments', async () => {
    const markdown = await guideTwin();
    expect(markdown.startsWith('# A fixture guide\n\n> A page with everything the Markdown twin must handle.\n\nSome **prose**')).toBe(
      true,
    );
    expect(markdown).not.toMatch(/^---$|^import |A comment that has no Markdown form|<\/?[A-Z]\w*|<div|className/m);
  });

  it('turns <Sample> into one fenced block per language, titled with the file, then the response', async () => {
    const markdown = await guideTwin();
    const { files } = await context.readSample('greet');
    const fences = [...markdown.matchAll(/^```(\w+) title="([^"]+)"\n([\s\S]*?)\n```$/gm)].map(([, lang, title, code]) => ({
      lang,
      title,
      code,
    }));
    expect(fences).toEqual(
      files.map(({ language, file, region }) => ({
        lang: { curl: 'bash', typescript: 'typescript', python: 'python', ruby: 'ruby', php: 'php', go: 'go' }[language.value],
        title: file,
        code: region.code,
      })),
    );
    expect(fences.map((fence) => fence.title)).toEqual(
      ['sh', 'ts', 'py', 'rb', 'php', 'go'].map((extension) => `samples/greet/greet.${extension}`),
    );
    expect(markdown).toContain(
      'What `samples/greet/greet.sh` printed when CI ran it against the sandbox:\n\n```json\n{\n  "success": true,',
    );
    expect(markdown).toContain(
      'What `samples/greet/greet.ts` printed when CI ran it against the sandbox:\n\n```json\n{\n  "greeting": "Hello, Ada",',
    );
    expect(markdown).not.toMatch(/#(end)?region/);
  });

  it('keeps the mermaid diagram as a mermaid fence, and other fences as they are', async () => {
    const markdown = await guideTwin();
    expect(markdown).toContain('```mermaid\nsequenceDiagram\n  Alice->>Bob: Hello\n```');
    expect(markdown).toContain('```bash\npip install greet\n```');
  });

  it('labels tab contents, turns admonitions into block quotes and keeps tables', async () => {
    const markdown = await guideTwin();
    expect(markdown).toContain('**Python**\n\n```bash\npip install greet');
    expect(markdown).toContain('> **Note: Read this first**\n>\n> An admonition with a title.');
    expect(markdown).toContain('> **Tip**\n>\n> One without.');
    expect(markdown).toContain('| Column | Other |\n| ------ | ----- |\n| `a`    | b     |');
  });

  it('points links to other pages at their twins, and leaves external links and anchors alone', async () => {
    const markdown = await guideTwin();
    expect(markdown).toContain('[link to the other page](/other.md#a-section)');
    expect(markdown).toContain('[external link](https://example.test/)');
    expect(markdown).toContain('[anchor](#the-diagram)');
  });

  it("reads <Sample> with the page plugin's element reader, failing on what the page would fail on, naming the line", async () => {
    await expect(
      mdxToMarkdown({ title: 'T', description: '', source: 'Text\n\n<Sample name="greet" region="request" />\n' }, context),
    ).rejects.toThrow(new MarkdownTwinError('line 3: <Sample> takes only name="…" (it shows each file\'s one #region); remove region'));
  });

  it('fails on inline JSX it cannot turn into Markdown, naming the line', async () => {
    await expect(mdxToMarkdown({ title: 'T', description: '', source: 'Text\n\nA <Badge>new</Badge> word\n' }, context)).rejects.toThrow(
      new MarkdownTwinError('mdxJsxTextElement at line 3 has no Markdown form'),
    );
  });
});

describe('markdownTwinUrl', () => {
  it('adds .md to a page URL, and index.md to a URL ending in a slash', () => {
    expect(markdownTwinUrl('/apm-prerequisites')).toBe('/apm-prerequisites.md');
    expect(markdownTwinUrl('/accept/capture')).toBe('/accept/capture.md');
    expect(markdownTwinUrl('/')).toBe('/index.md');
    expect(markdownTwinUrl('/docs/')).toBe('/docs/index.md');
  });
});

describe('formatLlmsTxt', () => {
  it('writes the llmstxt.org shape: H1 title, summary quote, details, H2 sections of links with descriptions', () => {
    const text = formatLlmsTxt({
      title: 'APM docs',
      summary: 'Accept APMs\nwith ProcessOut.',
      details: 'Pages are Markdown.',
      sections: [
        {
          name: 'Guides',
          pages: [
            { title: 'Set [up]', url: 'https://docs.example/setup.md', description: 'Credentials and\n  the sandbox.' },
            { title: 'Overview', url: 'https://docs.example/index.md', description: '' },
          ],
        },
      ],
    });
    expect(text).toBe(
      [
        '# APM docs',
        '',
        '> Accept APMs with ProcessOut.',
        '',
        'Pages are Markdown.',
        '',
        '## Guides',
        '',
        '- [Set \\[up\\]](https://docs.example/setup.md): Credentials and the sandbox.',
        '- [Overview](https://docs.example/index.md)',
        '',
      ].join('\n'),
    );
  });
});

describe('llmsTxtPageUrl', () => {
  it('links a twin on the public origin when the deployment names one', () => {
    expect(llmsTxtPageUrl('/apm-prerequisites.md', 'https://docs.example/')).toBe('https://docs.example/apm-prerequisites.md');
    expect(llmsTxtPageUrl('/docs/index.md', 'https://docs.example')).toBe('https://docs.example/docs/index.md');
  });

  it('links it from the site root otherwise, never on the dev server address', () => {
    expect(llmsTxtPageUrl('/apm-prerequisites.md', undefined)).toBe('/apm-prerequisites.md');
    expect(llmsTxtPageUrl('/docs/index.md', '')).toBe('/docs/index.md');
  });
});

describe('resolveAssetLink', () => {
  it('turns a pathname:// link to a served file into its address below the base URL, as the page links it', () => {
    expect(resolveAssetLink('pathname:///sample-files/processout-js.d.ts', '/')).toBe('/sample-files/processout-js.d.ts');
    expect(resolveAssetLink('pathname:///sample-files/processout-js.d.ts', '/docs/')).toBe('/docs/sample-files/processout-js.d.ts');
  });

  it('leaves every other link to resolveDocLink', () => {
    for (const url of ['./set-up.mdx', '/sample-files/a.d.ts', 'https://docs.example/x', '#anchor'])
      expect(resolveAssetLink(url, '/')).toBeUndefined();
  });
});
