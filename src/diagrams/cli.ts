/**
 * `npm run diagrams`: renders every mermaid diagram of docs/ that has no stored SVG for its current source
 * and settings into static/diagrams/, and deletes stored SVGs no diagram uses any more. Commit the
 * folder: the build reads it and never needs Chromium.
 *
 *   npm run diagrams              render what is missing or stale
 *   npm run diagrams -- --force   render everything again
 *   npm run diagrams -- --check   change nothing; exit 1 when a diagram is missing or a file is unused
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDiagrams } from './render';
import { docDiagrams } from './sources';
import { diagramKey, readStoredDiagram, renderedPath, RENDERED_DIR } from './store';

const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const diagrams = await docDiagrams(DOCS_DIR);
  const wanted = new Set(diagrams.map((diagram) => `${diagramKey(diagram.source)}.svg`));
  await mkdir(RENDERED_DIR, { recursive: true });
  const unused = (await readdir(RENDERED_DIR)).filter((file) => file.endsWith('.svg') && !wanted.has(file));
  const missing = diagrams.filter((diagram) => args.has('--force') || readStoredDiagram(diagram.source) === null);

  if (args.has('--check')) {
    for (const diagram of missing) process.stderr.write(`missing or stale: docs/${diagram.file} (${diagramKey(diagram.source)}.svg)\n`);
    for (const file of unused) process.stderr.write(`unused: static/diagrams/${file}\n`);
    return missing.length + unused.length === 0 ? 0 : 1;
  }

  const rendered = await renderDiagrams([...new Set(missing.map((diagram) => diagram.source))]);
  for (const [key, svg] of rendered) {
    await writeFile(renderedPath(key), svg);
    process.stdout.write(`rendered ${path.relative(process.cwd(), renderedPath(key))}\n`);
  }
  for (const file of unused) {
    await rm(path.join(RENDERED_DIR, file));
    process.stdout.write(`deleted unused ${path.relative(process.cwd(), path.join(RENDERED_DIR, file))}\n`);
  }
  process.stdout.write(
    `${diagrams.length} diagram(s), ${rendered.size} rendered, ${diagrams.length - missing.length} already up to date\n`,
  );
  return 0;
}

process.exitCode = await main();
