import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { listSampleFolder, readRegion, sampleLanguage, type SampleLanguage } from '../../../src/sample-files/index';
import { SITE_DIR } from './siteBuild';
import { readSource, type SitePage } from './sitePages';

export interface SampleUse {
  readonly name: string;
}

export interface ExpectedTab {
  readonly language: SampleLanguage;
  /** The file shown in the tab, from the site root. */
  readonly file: string;
  /** What the copy button must put on the clipboard: the shown region, dedented, or the whole file. */
  readonly code: string;
  /** The whole file without region markers. */
  readonly fullCode: string;
  /** Whether the tab shows only part of its file: always, every sample file has one region. */
  readonly isRegion: boolean;
}

/** Each `<Sample name="…" />` of an MDX page, in page order. */
export function sampleUses(mdx: string): SampleUse[] {
  return [...mdx.matchAll(/<Sample\b([^>]*?)\/?>/g)].map(([, attributes = '']) => {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
    const name = attribute('name');
    if (name === undefined) throw new Error(`<Sample${attributes}> has no name`);
    return { name };
  });
}

/** The tabs a `<Sample>` shows, computed from the files on disk with the site's own region extractor. */
export async function expectedTabs(use: SampleUse): Promise<ExpectedTab[]> {
  const folder = listSampleFolder({ rootDir: SITE_DIR, samplesDir: path.join(SITE_DIR, 'samples') }, use.name);
  const tabs: ExpectedTab[] = [];
  for (const { path: absolute, relativePath: file, language: value } of folder.files) {
    const language = sampleLanguage(value);
    const region = readRegion(await readFile(absolute, 'utf8'), language);
    tabs.push({ language, file, code: region.code, fullCode: region.fullCode, isRegion: true });
  }
  return tabs;
}

export interface PageSamples {
  readonly route: string;
  readonly samples: readonly { readonly use: SampleUse; readonly tabs: readonly ExpectedTab[] }[];
}

/** Every docs page that uses `<Sample>`, with what each sample must show, in page order. */
export async function samplesByPage(pages: readonly SitePage[]): Promise<PageSamples[]> {
  const result: PageSamples[] = [];
  for (const page of pages) {
    if (page.source === null) continue;
    const uses = sampleUses(await readSource(page));
    if (uses.length === 0) continue;
    result.push({ route: page.route, samples: await Promise.all(uses.map(async (use) => ({ use, tabs: await expectedTabs(use) }))) });
  }
  return result;
}

/** The page's sample roots, one per `<Sample>` of its source and in the same order, or a failed expectation. */
export async function sampleRoots(page: Page, route: string, samples: PageSamples['samples']): Promise<Locator[]> {
  const roots = page.locator('[data-sample]');
  const names = await roots.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-sample')));
  expect(names, `${route}: [data-sample] roots, in page order`).toEqual(samples.map(({ use }) => use.name));
  return samples.map((_, index) => roots.nth(index));
}
