/**
 * Wraps (does not eject) the theme's MDX component map so every MDX page can write
 * `<Sample name="…" />` without an import, and so the diagrams plugin's `<DiagramDrawing>` resolves;
 * Markdown tables render inside a focusable scroller.
 */
import MDXComponents from '@theme-original/MDXComponents';
import Sample from '@site/src/components/Sample';
import DiagramDrawing from '@site/src/theme/DiagramDrawing';
import ScrollableTable from '@site/src/components/ScrollableTable';

export default {
  ...MDXComponents,
  Sample,
  DiagramDrawing,
  table: ScrollableTable,
};
