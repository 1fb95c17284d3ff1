/**
 * The build-time diagrams: every mermaid block of docs/ has its SVG stored for its current source and
 * settings (else `npm run diagrams`), the SVG holds the diagram as text in both colour modes, and the
 * remark plugin fails a production build on a missing SVG while `docusaurus start` falls back to mermaid.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { sequenceSteps } from '../../src/diagrams/sequenceSteps';
import { docDiagrams } from '../../src/diagrams/sources';
import { diagramKey, readStoredDiagram, RENDERED_DIR, renderedFileName } from '../../src/diagrams/store';
import remarkMermaidDiagrams, { DRAWING_ELEMENT } from '../../src/remark/mermaidDiagrams';
import { sequenceParticipants } from '../browser/lib/sitePages';

const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url));
const diagrams = await docDiagrams(docsDir);

async function transform(markdown: string, clientFallback: boolean) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMermaidDiagrams, { clientFallback });
  const file = new VFile({ path: 'page.mdx', value: markdown });
  return { tree: (await processor.run(processor.parse(file), file)) as Root, file };
}

describe('stored diagram SVGs', () => {
  it('exist for the docs', () => {
    expect(diagrams.map((diagram) => diagram.file)).toContain('apm-prerequisites.mdx');
  });

  it.each(diagrams.map((diagram) => [diagram.file, diagram.source] as const))(
    "hold %s's diagram, for its current source and settings, as text in both colour modes",
    (file, source) => {
      const svg = readStoredDiagram(source);
      expect(svg, `docs/${file}: ${renderedFileName(diagramKey(source))} is missing or stale: run \`npm run diagrams\``).not.toBeNull();
      const title = /^\s*accTitle:\s*(.+?)\s*$/m.exec(source)?.[1];
      const description = /^\s*accDescr:\s*(.+?)\s*$/m.exec(source)?.[1];
      if (title) expect(svg).toMatch(new RegExp(`<title id="[^"]+">${title}</title>`));
      if (description) expect(svg).toContain(`<desc id="chart-desc-diagram-${diagramKey(source)}">${description}</desc>`);
      // Labels are SVG text (a long one wraps into one <tspan> per line): each word of each participant.
      const words = [...(svg ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].flatMap(([, line = '']) => line.split(/\s+/));
      for (const participant of sequenceParticipants(source)) {
        for (const word of participant.split(/\s+/)) expect(words, `${file}: "${participant}"`).toContain(word);
      }
      expect(svg).toContain(":root:not([data-theme='dark']) #diagram-");
      expect(svg).toContain(":root[data-theme='dark'] #diagram-");
    },
  );

  it('has no file no diagram uses', async () => {
    const wanted = new Set(diagrams.map((diagram) => `${diagramKey(diagram.source)}.svg`));
    expect((await readdir(RENDERED_DIR)).filter((file) => !wanted.has(file))).toEqual([]);
  });
});

describe('the mermaid remark plugin', () => {
  const stored = diagrams[0]!.source;
  const unrendered = 'sequenceDiagram\n  autonumber\n  Alice->>Bob: Hello\n  Bob-->>Alice: Hi';

  it('puts the stored drawing (by key, the SVG stays out of the JavaScript) and the step list in a figure', async () => {
    const { tree } = await transform(`\`\`\`mermaid\n${stored}\`\`\`\n`, false);
    const figure = tree.children[0] as unknown as {
      name: string;
      children: { name: string; attributes: { name: string; value: unknown }[] }[];
    };
    expect(figure.name).toBe('figure');
    expect(figure.children.map((child) => child.name)).toEqual([DRAWING_ELEMENT, 'ol', 'figcaption']);
    expect(figure.children[0]?.attributes).toEqual([{ type: 'mdxJsxAttribute', name: 'diagram', value: diagramKey(stored) }]);
    expect(JSON.stringify(tree)).not.toContain('<svg');
  });

  it('fails a production build on a diagram with no stored SVG', async () => {
    await expect(transform(`\`\`\`mermaid\n${unrendered}\n\`\`\`\n`, false)).rejects.toThrow(/run `npm run diagrams`/);
  });

  it('leaves it to client-side mermaid in `docusaurus start`, with its step list', async () => {
    const { tree, file } = await transform(`\`\`\`mermaid\n${unrendered}\n\`\`\`\n`, true);
    const figure = tree.children[0] as unknown as { children: { type: string; lang?: string }[] };
    expect(figure.children[0]).toMatchObject({ type: 'code', lang: 'mermaid' });
    expect(file.messages.map(String).join('\n')).toMatch(/not rendered yet/);
  });
});

describe('sequence steps', () => {
  it('number the messages, name both lanes, mark replies and keep alt branches', () => {
    const steps = sequenceSteps(
      'sequenceDiagram\n  autonumber\n  actor C as Customer\n  C->>S: Asks<br/>twice\n  alt Yes\n    S-->>C: Answers\n  else No\n    S--xC: Fails\n  end',
    );
    expect(steps?.participants.map((participant) => participant.label)).toEqual(['Customer', 'S']);
    expect(steps?.steps[0]).toMatchObject({
      kind: 'message',
      number: 1,
      from: { label: 'Customer' },
      to: { label: 'S' },
      text: 'Asks twice',
      reply: false,
    });
    expect(steps?.steps[1]).toMatchObject({
      kind: 'block',
      keyword: 'alt',
      sections: [
        { label: 'Yes', steps: [{ number: 2, reply: true, text: 'Answers' }] },
        { label: 'No', steps: [{ number: 3, text: 'Fails' }] },
      ],
    });
  });

  it('refuse a line they cannot read rather than drop a step', () => {
    expect(() => sequenceSteps('sequenceDiagram\n  A=>B: nonsense')).toThrow(/cannot read the line/);
  });

  it('are null for another kind of diagram', () => {
    expect(sequenceSteps('flowchart LR\n  A --> B')).toBeNull();
  });
});
