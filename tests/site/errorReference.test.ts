import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import remarkErrorReference from '../../src/remark/errorReference';
import { skipOutsideCi } from '../samples/lib/tools';
import { DECLINE_CODES, ERROR_CATALOGUE, catalogueEntry, errorAnchor, namedErrorCodes } from '@apm-docs/sandbox';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SHARED_DECLINE_CODES = path.join(root, '..', 'shared', 'reference', 'processout', 'processout-decline-codes.yml');

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true })
    .map((entry) => path.join(dir, String(entry)))
    .filter((file) => statSync(file).isFile() && keep(file));
}

/** docs/**\/*.mdx and samples/*\/*: what a reader sees. */
function pagesAndSamples(): string[] {
  const samples = readdirSync(path.join(root, 'samples'))
    .map((name) => path.join(root, 'samples', name))
    .filter((dir) => statSync(dir).isDirectory())
    .flatMap((dir) => readdirSync(dir).map((name) => path.join(dir, name)))
    .filter((file) => statSync(file).isFile());
  return [...filesUnder(path.join(root, 'docs'), (file) => file.endsWith('.mdx')), ...samples];
}

function unknownCodes(files: string[]): string[] {
  return files.flatMap((file) =>
    namedErrorCodes(readFileSync(file, 'utf8'))
      .filter((code) => !catalogueEntry(code))
      .map((code) => `${path.relative(root, file)}: ${code}`),
  );
}

const referencePage = path.join(root, 'docs', 'error-reference.mdx');

async function compilePage(value: string, file = path.join(root, 'docs', 'some-page.mdx')): Promise<string> {
  const compiled = await compile({ value, path: file }, { remarkPlugins: [[remarkErrorReference, { referencePage }]] });
  return String(compiled);
}

describe('error catalogue', () => {
  it('has one entry per code, each with when and what to do', () => {
    const codes = ERROR_CATALOGUE.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of ERROR_CATALOGUE) {
      expect(entry.when.trim(), entry.code).not.toBe('');
      expect(entry.whatToDo.trim(), entry.code).not.toBe('');
      if (entry.kind === 'api') expect(entry.statuses.length, entry.code).toBeGreaterThan(0);
    }
  });

  it("matches ProcessOut's decline codes in shared/ (code, category, meaning)", (context) => {
    if (!existsSync(SHARED_DECLINE_CODES)) skipOutsideCi(context, `${SHARED_DECLINE_CODES} not available`);
    const shared = parse(readFileSync(SHARED_DECLINE_CODES, 'utf8')) as {
      decline_codes: { code: string; category: string; meaning: string }[];
    };
    const normalise = (codes: readonly { code: string; category: string; meaning: string }[]) =>
      codes
        .map(({ code, category, meaning }) => ({ code, category, meaning: meaning.trim() }))
        .sort((a, b) => a.code.localeCompare(b.code));
    expect(normalise(DECLINE_CODES)).toEqual(normalise(shared.decline_codes));
  });

  it('lists every error_type the sandbox source answers', () => {
    const source = filesUnder(path.join(root, 'sandbox', 'src'), (file) => file.endsWith('.ts')).map((file) => readFileSync(file, 'utf8'));
    const literals = source.flatMap((text) =>
      [
        ...text.matchAll(
          /new ApiError\(\s*\d+,\s*'([^']+)'|validationError\(\s*'([^']+)'|unauthorized\([^)]*?,\s*'([^']+)'\)|_CODE = '([^']+)'/g,
        ),
      ].map((m) => m.slice(1).find(Boolean)!),
    );
    const notFound = source.flatMap((text) => [...text.matchAll(/notFound\('([^']+)'/g)].map((m) => `resource.${m[1]}.not-found`));
    const named = [...literals, ...notFound];
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((code) => !catalogueEntry(code))).toEqual([]);
  });
});

describe('pages and samples', () => {
  it('name only error types the catalogue has', () => {
    expect(unknownCodes(pagesAndSamples())).toEqual([]);
  });

  it('catch a made-up code in prose, backticks, quotes and query strings', () => {
    for (const text of [
      'see `request.flux.capacitor-empty`.',
      "'card.made-up'",
      'error_code=payment.made-up&x',
      '# such as request.made-up.',
    ]) {
      expect(
        namedErrorCodes(text).filter((code) => !catalogueEntry(code)),
        text,
      ).toHaveLength(1);
    }
    expect(namedErrorCodes('configuration.gateway.name, request.body, transaction.failed')).toEqual([]);
  });
});

describe('remark plugin', () => {
  it('renders an anchor per code on the reference page', async () => {
    const html = await compilePage('<ErrorReference />', referencePage);
    for (const code of ['request.transaction.invalid-state', 'card.do-not-honor', 'customer.canceled']) {
      expect(html).toContain(`id: "${errorAnchor(code)}"`);
    }
    expect(html).not.toContain('ErrorReference');
  });

  it('links a named error to its anchor', async () => {
    const html = await compilePage('Reusing a token gives `request.transaction.invalid-state`.');
    expect(html).toContain('href: "error-reference.mdx#request-transaction-invalid-state"');
  });

  it('fails a page that names a code the catalogue lacks', async () => {
    await expect(compilePage('A capture can answer `request.flux.capacitor-empty`.')).rejects.toThrow(
      /request\.flux\.capacitor-empty is not in the error catalogue/,
    );
    await expect(compilePage('```json\n{"error_type": "card.made-up"}\n```')).rejects.toThrow(/card\.made-up/);
  });
});
