import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { highlightPalettes } from '../../src/sample-files/highlight';
import { fullFileAsset } from '../../src/sample-files/fullFile';
import { readSampleCode, readSampleFolder } from '../../src/sample-files/readSampleFolder';

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

const sampleNames = (await readdir(samplesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe('highlighted samples', () => {
  it('exist', () => {
    expect(sampleNames.length).toBeGreaterThan(0);
  });

  // WCAG AA asks 4.5:1 for normal text; every token of every sample must reach it in both colour modes.
  it.each(sampleNames)('keep every token of %s at 4.5:1 or more against the block', async (name) => {
    const { tabs } = await readSampleFolder({ siteDir, samplesDir, name });
    // The full files, as the sampleFullFiles plugin writes them for "View full file".
    const { files } = await readSampleCode({ siteDir, samplesDir, name });
    const fullFiles = await Promise.all(
      files.map(async ({ file, language, region }) => ({
        file: `${file} (full file)`,
        html: (await fullFileAsset(name, file, language, region)).html,
      })),
    );
    const blocks = [
      ...tabs.flatMap((tab) => [
        { file: tab.file, html: tab.html },
        { file: `the response under ${tab.file}`, html: tab.response?.html ?? '' },
      ]),
      ...fullFiles,
    ];
    const palettes = await highlightPalettes();
    for (const { file, html } of blocks) {
      if (html === '') continue;
      // A token is `<span class="l3 d7">` (light colour 3, dark colour 7 of the palettes); text outside
      // such a span, and a mode with no class, take the theme's foreground.
      const tokens = [...html.matchAll(/<span class="([^"]*)">([^<]*)<\/span>/g)].filter(([, , text]) => text?.trim());
      expect(tokens.length, file).toBeGreaterThan(0);
      for (const [mode, prefix] of [
        ['light', 'l'],
        ['dark', 'd'],
      ] as const) {
        const { background, foreground, tokens: colours } = palettes[mode];
        expect(contrast(foreground, background), `${file}: ${mode} foreground`).toBeGreaterThanOrEqual(4.5);
        for (const [, classes = '', text] of tokens) {
          const index = new RegExp(`(?:^| )${prefix}(\\d+)(?: |$)`).exec(classes)?.[1];
          const colour = index === undefined ? foreground : colours[Number(index) - 1];
          expect(colour, `${file}: ${mode} colour of ${text} (${classes})`).toMatch(/^#[0-9a-f]{6}$/);
          const ratio = contrast(colour!, background);
          expect(ratio, `${file}: ${mode} "${text}" ${colour} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});
