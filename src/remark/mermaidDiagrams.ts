/**
 * Remark plugin: every ```mermaid block of a page becomes a figure holding the diagram as an inline SVG
 * rendered at build time (`npm run diagrams` writes static/diagrams/), so the served HTML has the
 * drawing, its labels as text and its accTitle / accDescr as <title> / <desc>, for both colour modes, and
 * no page loads mermaid. The SVG stays out of the page's JavaScript chunk (which every neighbouring page
 * prefetches): the figure holds a `<DiagramDrawing>` (src/theme/DiagramDrawing), which
 * src/plugins/inlineDiagrams.ts fills in the built HTML and which fetches the SVG after a client-side
 * navigation. A sequence diagram also gets its steps as a numbered list, generated from the same
 * source, which narrow screens show instead of the drawing (see the `.diagram` rules in custom.css).
 *
 * A block without a stored SVG for its current source and settings fails a production build. In
 * `docusaurus start` it stays a mermaid block for @docusaurus/theme-mermaid to draw in the browser, so an
 * edited diagram shows at once.
 */
import type { Code, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sequenceSteps, type Participant, type SequenceSteps, type Step } from '../diagrams/sequenceSteps';
import { diagramKey, readStoredDiagram, renderedFileName } from '../diagrams/store';
import { element, text } from './mdxJsx';

/** The component that holds a stored drawing; registered for MDX in src/theme/MDXComponents.tsx. */
export const DRAWING_ELEMENT = 'DiagramDrawing';

export interface MermaidDiagramsOptions {
  /** Keep a block without a stored SVG as a mermaid block (client rendering) instead of failing. */
  readonly clientFallback: boolean;
}

/** What the accessibility lines of the source say, for the figure's caption. */
function accessibleTitle(source: string): string | null {
  return /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(source)?.[1] ?? null;
}

function lane(participant: Participant, participants: readonly Participant[]) {
  const index = participants.indexOf(participant);
  return element('span', { className: `diagram-lane diagram-lane--${index % 8}` }, [text(participant.label)]);
}

function stepItems(steps: readonly Step[], participants: readonly Participant[]): MdxJsxFlowElement[] {
  return steps.map((step) => {
    switch (step.kind) {
      case 'message':
        return element(
          'li',
          { className: step.reply ? 'diagram-step diagram-step--reply' : 'diagram-step', value: step.number ?? undefined },
          [
            ...(step.number === null
              ? []
              : [element('span', { className: 'diagram-step__number', 'aria-hidden': 'true' }, [text(String(step.number))])]),
            element('span', { className: 'diagram-step__lanes' }, [
              lane(step.from, participants),
              element('span', { className: 'diagram-step__arrow', 'aria-hidden': 'true' }, [text(step.reply ? ' ⇢ ' : ' → ')]),
              element('span', { className: 'diagram-sr-only' }, [text(step.reply ? ' answers ' : ' to ')]),
              lane(step.to, participants),
            ]),
            element('span', { className: 'diagram-step__text' }, [text(step.text)]),
          ],
        );
      case 'note':
        return element('li', { className: 'diagram-step diagram-step--note' }, [
          element(
            'span',
            { className: 'diagram-step__lanes' },
            step.over.map((over) => lane(over, participants)),
          ),
          element('span', { className: 'diagram-step__text' }, [text(step.text)]),
        ]);
      case 'block':
        return element(
          'li',
          { className: 'diagram-block' },
          step.sections.flatMap((section, index) => [
            element('p', { className: 'diagram-block__label' }, [
              text(`${index === 0 ? step.keyword : step.keyword === 'par' ? 'and' : 'else'}${section.label ? `: ${section.label}` : ''}`),
            ]),
            element('ol', { className: 'diagram-steps' }, stepItems(section.steps, participants)),
          ]),
        );
    }
  });
}

function diagramFigure(source: string, sequence: SequenceSteps | null, drawing: MdxJsxFlowElement | Code, key: string): MdxJsxFlowElement {
  const title = accessibleTitle(source);
  return element('figure', { className: sequence ? 'diagram diagram--with-steps' : 'diagram', 'data-diagram': key }, [
    drawing,
    ...(sequence
      ? [
          element(
            'ol',
            { className: 'diagram-steps', 'aria-label': title ? `${title}, step by step` : 'Step by step' },
            stepItems(sequence.steps, sequence.participants),
          ),
        ]
      : []),
    ...(title ? [element('figcaption', { className: 'diagram__caption' }, [text(title)])] : []),
  ]);
}

export default function remarkMermaidDiagrams(options: MermaidDiagramsOptions) {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang !== 'mermaid' || parent === undefined || index === undefined) return;
      const key = diagramKey(node.value);
      const svg = readStoredDiagram(node.value);
      if (svg === null && !options.clientFallback) {
        file.fail(
          `This mermaid diagram has no rendered SVG for its current source (${renderedFileName(key)}): run \`npm run diagrams\` and commit the file`,
          {
            place: node.position,
          },
        );
      }
      let sequence: SequenceSteps | null = null;
      try {
        sequence = sequenceSteps(node.value);
      } catch (error) {
        file.fail(`mermaid diagram: ${(error as Error).message}`, { place: node.position, cause: error as Error });
      }
      if (svg === null)
        file.message(`mermaid diagram not rendered yet (${renderedFileName(key)}): drawn in the browser; run \`npm run diagrams\``, {
          place: node.position,
        });
      const drawing =
        svg === null
          ? node
          : element(DRAWING_ELEMENT, {
              diagram: key,
              // The wide drawing of a diagram without a step list scrolls sideways on a phone.
              scrollLabel: sequence ? undefined : `${accessibleTitle(node.value) ?? 'Diagram'} (scrolls sideways)`,
            });
      parent.children.splice(index, 1, diagramFigure(node.value, sequence, drawing, key));
      return index + 1;
    });
  };
}
