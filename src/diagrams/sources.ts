/** The mermaid diagrams of the docs, read from their Markdown sources. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The body of every ```mermaid fence in a Markdown source, in page order. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^[ \t]*```mermaid[^\n]*\n([\s\S]*?)^[ \t]*```[ \t]*$/gm)].map(([, body = '']) => body);
}

export interface DocDiagram {
  /** The docs file, relative to the docs folder. */
  readonly file: string;
  readonly source: string;
}

/** Every mermaid block of every `.md` / `.mdx` file under `docsDir`. */
export async function docDiagrams(docsDir: string): Promise<DocDiagram[]> {
  const entries = await readdir(docsDir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.relative(docsDir, path.join(entry.parentPath, entry.name)))
    .sort();
  const diagrams: DocDiagram[] = [];
  for (const file of files) {
    for (const source of mermaidBlocks(await readFile(path.join(docsDir, file), 'utf8'))) diagrams.push({ file, source });
  }
  return diagrams;
}
