import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { DRAWING_ATTRIBUTE } from '../diagrams/drawing';
import { renderedFileName, renderedPath } from '../diagrams/store';

/** An empty drawing element as the minified HTML spells it: `<div class=diagram__drawing data-diagram-drawing=KEY …></div>`. */
const EMPTY_DRAWING = new RegExp(`(<div\\b[^>]*\\b${DRAWING_ATTRIBUTE}=["']?([0-9a-f]+)["']?[^>]*>)(</div>)`, 'g');

/**
 * Writes each diagram's stored SVG into the built HTML, inside its (server-rendered, empty)
 * `<DiagramDrawing>`: the page's HTML has the drawing while its JavaScript does not (see
 * src/theme/DiagramDrawing).
 */
export default function inlineDiagrams(): Plugin {
  return {
    name: 'inline-diagrams',
    async postBuild({ outDir }) {
      const entries = await readdir(outDir, { withFileTypes: true, recursive: true });
      const svgs = new Map<string, string>();
      for (const entry of entries.filter((candidate) => candidate.isFile() && candidate.name.endsWith('.html'))) {
        const file = path.join(entry.parentPath, entry.name);
        const html = await readFile(file, 'utf8');
        if (!html.includes(DRAWING_ATTRIBUTE)) continue;
        const keys = [...html.matchAll(EMPTY_DRAWING)].map(([, , key = '']) => key);
        for (const key of keys) {
          if (!svgs.has(key)) {
            try {
              svgs.set(key, await readFile(renderedPath(key), 'utf8'));
            } catch {
              throw new Error(`${path.relative(outDir, file)}: no stored drawing ${renderedFileName(key)}: run \`npm run diagrams\``);
            }
          }
        }
        await writeFile(
          file,
          html.replace(EMPTY_DRAWING, (_, open: string, key: string, close: string) => `${open}${svgs.get(key)}${close}`),
        );
      }
    },
  };
}
