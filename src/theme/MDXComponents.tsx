/**
 * Wraps (does not eject) the theme's MDX component map so every MDX page can write
 * `<Sample name="…" />` without an import.
 */
import MDXComponents from '@theme-original/MDXComponents';
import Sample from '@site/src/components/Sample';

export default {
  ...MDXComponents,
  Sample,
};
