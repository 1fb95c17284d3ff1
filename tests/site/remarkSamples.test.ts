import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, run } from '@mdx-js/mdx';
import { isValidElement, type ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadContext } from '@docusaurus/types';
import sampleFullFiles from '../../src/plugins/sampleFullFiles';
import remarkSamples from '../../src/remark/samples';
import type { SampleProps } from '../../src/sample-files/index';

/** Plays the site root: sample folders live in `<fixtureSite>/samples/`. */
const fixtureSite = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The text highlighted HTML shows, as the copy button reads it: each line's text, joined by newlines. */
function shownText(html: string): string {
  const lines = [...html.matchAll(/<span class="line">(.*?)<\/span>(?=\n|<\/code>)/g)].map(([, line = '']) => line);
  return lines
    .map((line) =>
      line
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

/** Compiles an MDX page with the plugin, runs it, and returns the props every `<Sample>` received. */
async function samplesOnPage(mdx: string, siteDir = fixtureSite): Promise<SampleProps[]> {
  const compiled = await compile(
    { value: mdx, path: path.join(siteDir, 'docs', 'page.mdx') },
    { outputFormat: 'function-body', remarkPlugins: [[remarkSamples, { siteDir }]] },
  );
  const { default: Content } = await run(compiled, { ...runtime, baseUrl: import.meta.url });

  const Sample = (props: SampleProps): ReactNode => JSON.stringify(props);
  const found: SampleProps[] = [];
  const collect = (node: ReactNode): void => {
    if (Array.isArray(node)) node.forEach(collect);
    if (!isValidElement<{ children?: ReactNode }>(node)) return;
    if (node.type === Sample) found.push(node.props as unknown as SampleProps);
    collect(node.props.children);
  };
  collect(Content({ components: { Sample } }));
  return found;
}

describe('the samples remark plugin', () => {
  it('gives <Sample> one highlighted tab per file, in the site-wide language order', async () => {
    const [sample, ...others] = await samplesOnPage('# Greet\n\n<Sample name="greet" />\n');

    expect(others).toEqual([]);
    expect(sample?.name).toBe('greet');
    const tabs = sample?.tabs ?? [];
    expect(tabs.map((tab) => [tab.value, tab.label])).toEqual([
      ['curl', 'cURL'],
      ['typescript', 'TypeScript'],
      ['python', 'Python'],
      ['ruby', 'Ruby'],
      ['php', 'PHP'],
      ['go', 'Go'],
    ]);
    expect(tabs.map((tab) => tab.file)).toEqual(
      ['sh', 'ts', 'py', 'rb', 'php', 'go'].map((extension) => `samples/greet/greet.${extension}`),
    );
    for (const tab of tabs) {
      expect(tab.region).toBe('request');
      expect(shownText(tab.html)).not.toMatch(/#(end)?region/);
      // The whole file is an asset fetched on demand (src/sample-files/fullFile.ts), not page data.
      expect(tab.fullFile).toMatch(new RegExp(`^sample-files/greet/${path.basename(tab.file).replace('.', '\\.')}\\.[0-9a-f]{8}\\.html$`));
      expect(tab.html).toMatch(/^<pre class="shiki shiki-themes github-light-high-contrast github-dark-default"/);
      // Tokens carry one short class per colour mode (src/sample-files/highlight.ts), no inline styles.
      expect(tab.html).toMatch(/<span class="l\d+ d\d+">/);
    }
    const go = tabs.find((tab) => tab.value === 'go');
    expect(shownText(go?.html ?? '')).toBe(
      [
        'response, err := http.Get("https://example.test/greetings")',
        'if err != nil {',
        '\tpanic(err)',
        '}',
        'defer response.Body.Close()',
      ].join('\n'),
    );
  });

  it("finds each tab's whole file where the sampleFullFiles plugin writes it, highlighted, markers removed", async () => {
    const [sample] = await samplesOnPage('<Sample name="greet" />\n');
    const generatedFilesDir = await mkdtemp(path.join(os.tmpdir(), 'apm-docs-full-files-'));
    try {
      const plugin = sampleFullFiles({ siteDir: fixtureSite, samplesDir: path.join(fixtureSite, 'samples') })({
        generatedFilesDir,
        baseUrl: '/',
      } as LoadContext);
      await plugin.loadContent?.();
      for (const tab of sample?.tabs ?? []) {
        const html = await readFile(path.join(generatedFilesDir, tab.fullFile), 'utf8');
        expect(html).toMatch(/^<pre class="shiki shiki-themes /);
        expect(html).not.toContain('style=');
        expect(shownText(html)).not.toMatch(/#(end)?region/);
        expect(shownText(html)).toContain(shownText(tab.html).split('\n')[0]);
        if (tab.value === 'go') expect(shownText(html)).toMatch(/^package main\n/);
      }
    } finally {
      await rm(generatedFilesDir, { recursive: true, force: true });
    }
  });

  it("gives each tab what CI recorded for its file, and its own response or the API's answer, highlighted as JSON", async () => {
    const [sample] = await samplesOnPage('<Sample name="greet" />\n');
    const badges = Object.fromEntries(sample?.tabs.map((tab) => [tab.value, tab.verification]) ?? []);
    expect(badges.typescript).toMatchObject({ status: 'passed', tier: 'ran', text: 'Ran against the sandbox' });
    expect(badges.curl).toMatchObject({ status: 'passed', tier: 'ran', text: 'Ran against the sandbox' });
    expect(badges.php).toMatchObject({ status: 'failed', text: 'Failed in CI: php -l' });
    expect(badges.python).toMatchObject({ status: 'skipped', text: 'Not verified: pycodestyle skipped' });
    // No entry in the record for these files.
    expect(badges.ruby).toMatchObject({ status: 'skipped', text: 'Not verified by CI' });
    expect(badges.go).toMatchObject({ status: 'skipped', text: 'Not verified by CI' });

    const responses = Object.fromEntries(sample?.tabs.map((tab) => [tab.value, tab.response]) ?? []);
    expect(responses.typescript).toMatchObject({
      kind: 'printed',
      file: 'samples/greet/greet.ts',
    });
    expect(shownText(responses.typescript?.html ?? '')).toBe('{\n  "greeting": "Hello, Ada",\n  "id": "gr_XXXXXXXX"\n}');
    expect(responses.curl).toMatchObject({ kind: 'printed', file: 'samples/greet/greet.sh' });
    expect(shownText(responses.curl?.html ?? '')).toBe('{\n  "success": true,\n  "greeting": "Hello, Ada"\n}');
    // The languages CI does not run show the API's answer, as the curl file received it.
    for (const language of ['python', 'ruby', 'php', 'go'])
      expect(responses[language]).toEqual(responses.curl && { ...responses.curl, kind: 'api-answer' });
    expect(responses.typescript?.html).toMatch(/^<pre class="shiki [^"]*"[^>]*>/);
    expect(responses.typescript?.html).toMatch(/<span class="l\d+ d\d+">/);
  });

  it('writes a response that several tabs show once in the compiled page, and each tab still gets it', async () => {
    const compiled = String(
      await compile(
        { value: '<Sample name="greet" />\n', path: path.join(fixtureSite, 'docs', 'page.mdx') },
        { outputFormat: 'function-body', remarkPlugins: [[remarkSamples, { siteDir: fixtureSite }]] },
      ),
    );
    // The curl file's answer is under five tabs (curl, and the four languages CI does not run).
    expect(compiled.match(/success/g)).toHaveLength(1);
    const [sample] = await samplesOnPage('<Sample name="greet" />\n');
    const shown = sample?.tabs
      .filter((tab) => tab.response?.file === 'samples/greet/greet.sh')
      .map((tab) => shownText(tab.response?.html ?? ''));
    expect(shown).toEqual(Array(5).fill('{\n  "success": true,\n  "greeting": "Hello, Ada"\n}'));
  });

  it('gives the curl and TypeScript tabs the request the curl file sends, and the others none', async () => {
    const [sample] = await samplesOnPage('<Sample name="create-thing" />\n');
    const request = {
      method: 'POST',
      path: '/invoices',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=A%20thing&amount=1.00',
    };
    expect(sample?.tabs.map((tab) => [tab.value, tab.tryIt])).toEqual([
      ['curl', request],
      ['typescript', request],
      ['python', null],
    ]);
    expect(sample?.tabs.map((tab) => tab.response)).toEqual([null, null, null]);
    // A curl file that calls another host offers no "Try it".
    const [greet] = await samplesOnPage('<Sample name="greet" />\n');
    expect(greet?.tabs.every((tab) => tab.tryIt === null)).toBe(true);
  });

  it('fails the page on a file with a second region, naming the page line and the file line', async () => {
    await expect(samplesOnPage('# Page\n\nText\n\n<Sample name="two-regions" />\n')).rejects.toMatchObject({
      message:
        '<Sample name="two-regions">: samples/two-regions/two-regions.py: line 4: a second "#region" (a sample file has exactly one region)',
      line: 5,
      column: 1,
    });
  });

  it('fails the page on a missing folder, pointing at the element', async () => {
    await expect(samplesOnPage('Text\n\n<Sample name="no-such-sample" />\n')).rejects.toMatchObject({
      message: '<Sample name="no-such-sample">: sample folder samples/no-such-sample/ does not exist',
      line: 3,
      column: 1,
    });
  });

  it.each([
    [
      'a region chosen on the page',
      '<Sample name="greet" region="request" />',
      /<Sample> takes only name="…" \(it shows each file's one #region\); remove region/,
    ],
    [
      'an unknown extension',
      '<Sample name="unknown-extension" />',
      /samples\/unknown-extension\/notes\.txt is not a sample file; name it one of unknown-extension\.sh,/,
    ],
    ['a missing name', '<Sample />', /<Sample> needs a name/],
    ['a spread attribute', '<Sample {...{ name: "greet" }} />', /<Sample> takes only name="…", not a \{\.\.\.spread\}/],
    ['a name that is an expression', '<Sample name={"greet"} />', /name must be a plain string/],
    ['a path instead of a name', '<Sample name="../greet" />', /sample name "\.\.\/greet" must be a folder name/],
    ['a hand-written tabs prop', '<Sample name="greet" tabs={[]} />', /gets its "tabs" from the sample folder/],
  ])('fails the page on %s', async (_case, mdx, message) => {
    await expect(samplesOnPage(`Text\n\n${mdx}\n`)).rejects.toThrow(message);
  });

  describe('with folders that cannot be committed as fixtures', () => {
    const REGION = '# #region a\nprint("a")\n# #endregion\n';
    let siteDir: string;

    beforeAll(async () => {
      siteDir = await mkdtemp(path.join(os.tmpdir(), 'apm-docs-samples-'));
      await mkdir(path.join(siteDir, 'samples', 'empty'), { recursive: true });
      await mkdir(path.join(siteDir, 'samples', 'only-dotfiles'), { recursive: true });
      await writeFile(path.join(siteDir, 'samples', 'only-dotfiles', '.DS_Store'), '');
      await mkdir(path.join(siteDir, 'samples', 'twice'), { recursive: true });
      await writeFile(path.join(siteDir, 'samples', 'twice', 'twice.py'), REGION);
      await writeFile(path.join(siteDir, 'samples', 'twice', 'other.py'), REGION);
      await mkdir(path.join(siteDir, 'samples', 'no-region'), { recursive: true });
      await writeFile(path.join(siteDir, 'samples', 'no-region', 'no-region.py'), REGION);
      await writeFile(path.join(siteDir, 'samples', 'no-region', 'no-region.ts'), 'console.log("a");\n');
      await mkdir(path.join(siteDir, 'samples', 'bad-record'), { recursive: true });
      await writeFile(path.join(siteDir, 'samples', 'bad-record', 'bad-record.py'), REGION);
      await writeFile(path.join(siteDir, 'samples', 'bad-record', '.verified.json'), '{"bad-record.py": {"lint": "passed"}}');
      await mkdir(path.join(siteDir, 'samples', 'broken-record'), { recursive: true });
      await writeFile(path.join(siteDir, 'samples', 'broken-record', 'broken-record.py'), REGION);
      await writeFile(path.join(siteDir, 'samples', 'broken-record', '.verified.json'), '{"broken-record.py": ');
      await mkdir(path.join(siteDir, 'samples', 'orphan-response'), { recursive: true });
      await writeFile(path.join(siteDir, 'samples', 'orphan-response', 'orphan-response.py'), REGION);
      await writeFile(path.join(siteDir, 'samples', 'orphan-response', '.response.typescript.json'), '{}');
    });

    afterAll(async () => {
      await rm(siteDir, { recursive: true, force: true });
    });

    it.each([
      ['an empty folder', 'empty', /sample folder samples\/empty\/ has no sample files/],
      ['a folder of dotfiles only', 'only-dotfiles', /samples\/only-dotfiles\/ has no sample files/],
      [
        'a second file of one language',
        'twice',
        /^<Sample name="twice">: samples\/twice\/other\.py is not a sample file; name it one of twice\.sh, twice\.ts/,
      ],
      [
        'a file without a region',
        'no-region',
        /^<Sample name="no-region">: samples\/no-region\/no-region\.ts: no "\/\/ #region NAME" … "\/\/ #endregion" marks the part/,
      ],
      ['a record naming an unknown check', 'bad-record', /samples\/bad-record\/\.verified\.json: bad-record\.py: unknown check "lint"/],
      ['a record that is not JSON', 'broken-record', /samples\/broken-record\/\.verified\.json is not valid JSON/],
      [
        'a response without a TypeScript file',
        'orphan-response',
        /\.response\.typescript\.json exists, but the folder has no typescript file/,
      ],
    ])('fails the page on %s', async (_case, name, message) => {
      await expect(samplesOnPage(`<Sample name="${name}" />\n`, siteDir)).rejects.toThrow(message);
    });
  });
});
