import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSampleFolder } from '../../src/sample-files/readSampleFolder';

const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const samplesDir = path.join(siteDir, 'samples');

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function variable(style: string, name: string): string | undefined {
  return new RegExp(`${name}:(#[0-9a-fA-F]{6})(?:;|$)`).exec(style)?.[1];
}

const sampleNames = (await readdir(samplesDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('highlighted samples', () => {
  it('exist', () => {
    expect(sampleNames.length).toBeGreaterThan(0);
  });

  // WCAG AA asks 4.5:1 for normal text; every token of every sample must reach it in both colour modes.
  it.each(sampleNames)('keep every token of %s at 4.5:1 or more against the block', async (name) => {
    const { tabs, response } = await readSampleFolder({ siteDir, samplesDir, name });
    const blocks = [
      ...tabs.flatMap((tab) => [{ file: tab.file, html: tab.html }, { file: tab.file, html: tab.fullFile?.html ?? '' }]),
      { file: `the response of ${response?.file}`, html: response?.html ?? '' },
    ];
    for (const { file, html } of blocks) {
      if (html === '') continue;
      const preStyle = /^<pre [^>]*style="([^"]*)"/.exec(html)?.[1] ?? '';
      const tokens = [...html.matchAll(/<span style="([^"]*)">([^<]*)<\/span>/g)].filter(([, , text]) => text?.trim());
      expect(tokens.length, file).toBeGreaterThan(0);
      for (const mode of ['light', 'dark']) {
        const background = variable(preStyle, `--shiki-${mode}-bg`);
        expect(background, `${file} ${mode} background`).toBeDefined();
        for (const [, style = '', text] of tokens) {
          const colour = variable(style, `--shiki-${mode}`);
          expect(colour, `${file}: ${mode} colour of ${text}`).toBeDefined();
          const ratio = contrast(colour as string, background as string);
          expect(ratio, `${file}: ${mode} "${text}" ${colour} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});
