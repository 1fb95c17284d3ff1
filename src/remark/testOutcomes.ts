/**
 * Remark plugin for the "Test outcomes" page: `<TestOutcomes />` becomes a table made at build time from the
 * sandbox's own list of test APM outcomes (the sandbox package's services/test-outcomes.ts, which the sandbox's tests hold to
 * what it does). Error codes come out as inline code, so remarkErrorReference, which runs after this plugin,
 * links each to the error reference.
 */
import type { PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import { TEST_OUTCOMES, type TestOutcome } from '@apm-docs/sandbox/facts';

/** The placeholder the plugin fills. */
export const TEST_OUTCOMES_ELEMENT = 'TestOutcomes';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });

/** Inline code items joined with ", ", or the given word when there are none. */
function codeList(values: readonly string[], none: string): PhrasingContent[] {
  if (values.length === 0) return [text(none)];
  return values.flatMap((value, index) => (index === 0 ? [code(value)] : [text(', '), code(value)]));
}

function cell(children: PhrasingContent[]): TableCell {
  return { type: 'tableCell', children };
}

function returnsCell(entry: TestOutcome): PhrasingContent[] {
  return entry.returns.token ? [text('a '), code('gway_req_…'), text(' token')] : [code(`error_code=${entry.returns.errorCode}`)];
}

function captureCell(entry: TestOutcome): PhrasingContent[] {
  if (!entry.capture)
    return [
      text(
        entry.transactionStatusAtReturn === 'failed'
          ? 'nothing to capture: the transaction is already '
          : 'nothing to capture: the transaction stays ',
      ),
      code(entry.transactionStatusAtReturn),
    ];
  const status = [text(`HTTP ${entry.capture.httpStatus}, transaction `), code(entry.capture.transactionStatus)];
  return entry.capture.errorType ? [...status, text(', '), code(entry.capture.errorType)] : status;
}

function eventsCell(entry: TestOutcome): PhrasingContent[] {
  const now = codeList(entry.events, 'none');
  return entry.laterEvents.length ? [...now, text('; after the pending delay '), ...codeList(entry.laterEvents, '')] : now;
}

const HEADER = [
  'Button on the provider page (`outcome`)',
  'The shop gets',
  'Capturing with it answers',
  'Events, each also sent as a webhook',
  'Invoice can be paid again',
];

/** The outcomes as one Markdown table (also used by the page's Markdown twin). */
export function testOutcomesNodes(): RootContent[] {
  const header: TableRow = {
    type: 'tableRow',
    children: HEADER.map((title) =>
      cell(
        title
          .split(/(`[^`]+`)/)
          .filter(Boolean)
          .map((part) => (part.startsWith('`') ? code(part.slice(1, -1)) : text(part))),
      ),
    ),
  };
  const rows = TEST_OUTCOMES.map((entry): TableRow => ({
    type: 'tableRow',
    children: [
      cell([{ type: 'strong', children: [text(entry.label)] }, text(' ('), code(entry.outcome), text(')')]),
      cell(returnsCell(entry)),
      cell(captureCell(entry)),
      cell(eventsCell(entry)),
      cell([text(entry.canPayAgain ? 'yes' : 'no')]),
    ],
  }));
  // mdast-util-to-hast emits as many cells per row as `align` has entries.
  const table: Table = { type: 'table', align: HEADER.map(() => null), children: [header, ...rows] };
  return [table];
}

export default function remarkTestOutcomes() {
  return (root: Root) => {
    visit(root, 'mdxJsxFlowElement', (node: MdxJsxFlowElement, index, parent) => {
      if (node.name !== TEST_OUTCOMES_ELEMENT || !parent || index === undefined) return;
      parent.children.splice(index, 1, ...(testOutcomesNodes() as MdxJsxFlowElement[]));
      return [SKIP, index];
    });
  };
}
