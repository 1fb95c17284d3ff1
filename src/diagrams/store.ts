/**
 * Where the build-time SVGs of the site's mermaid diagrams live: `static/diagrams/<key>.svg`, committed,
 * so a machine without Chromium builds the site. Being static files, they are also served as
 * `/diagrams/<key>.svg`: a page reached by client-side navigation fetches its drawing from there. The key hashes everything the picture depends
 * on (the diagram's source, mermaid's version, the site's settings, this renderer's post-processing), so a
 * change to any of them makes the stored file stale: a file under the new key is missing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawingUrlPath } from './drawing';
import { MERMAID_OPTIONS, MERMAID_THEMES } from './mermaidSettings';

export const RENDERED_DIR = fileURLToPath(new URL('../../static/diagrams/', import.meta.url));

/** Bump when `renderDiagrams` changes what it writes, so every stored SVG is re-rendered. */
const RENDERER_REVISION = 1;

const require = createRequire(import.meta.url);
export const MERMAID_VERSION = (JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;

/** The diagram source as the key sees it: line endings and trailing blanks do not change the picture. */
export function normalizeSource(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

export function diagramKey(source: string): string {
  const inputs = JSON.stringify({
    source: normalizeSource(source),
    mermaid: MERMAID_VERSION,
    themes: MERMAID_THEMES,
    options: MERMAID_OPTIONS,
    revision: RENDERER_REVISION,
  });
  return createHash('sha256').update(inputs).digest('hex').slice(0, 16);
}

export function renderedPath(key: string): string {
  return path.join(RENDERED_DIR, `${key}.svg`);
}

/** The stored SVG's path relative to the site root, for messages. */
export const renderedFileName = (key: string) => `static${drawingUrlPath(key)}`;

/** The stored SVG (both colour modes) for a diagram source, or null when it is missing: never rendered, or stale. */
export function readStoredDiagram(source: string): string | null {
  try {
    return readFileSync(renderedPath(diagramKey(source)), 'utf8');
  } catch {
    return null;
  }
}
