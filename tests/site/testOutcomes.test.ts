import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { TEST_OUTCOMES } from '@apm-docs/sandbox';
import remarkTestOutcomes from '../../src/remark/testOutcomes';

/**
 * The page's placeholder through MDX with the plugin, as JSX (`<_components.td>` per cell), made HTML-like:
 * what the site renders, one element per mdast-to-hast output.
 */
async function renderedTable(): Promise<string> {
  const jsx = String(await compile('<TestOutcomes />', { jsx: true, remarkPlugins: [remarkTestOutcomes] }));
  return jsx
    .replace(/<(\/?)_components\.(\w+)>/g, '<$1$2>')
    .replace(/\{"([^"]*)"\}/g, '$1')
    .replace(/\s*\n\s*/g, '');
}

describe('the Test outcomes page table', () => {
  it('has one row per outcome of the sandbox, with every column filled', async () => {
    const html = await renderedTable();
    const rows = html.match(/<tr>.*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(TEST_OUTCOMES.length + 1);
    for (const row of rows) expect(row.match(/<t[hd]>/g)).toHaveLength(5);
    for (const entry of TEST_OUTCOMES) {
      const row = rows.find((candidate) => candidate.includes(`<strong>${entry.label}</strong>`));
      expect(row, entry.outcome).toBeDefined();
      expect(row).toContain(`<code>${entry.outcome}</code>`);
      for (const event of [...entry.events, ...entry.laterEvents]) expect(row).toContain(`<code>${event}</code>`);
    }
  });
});
