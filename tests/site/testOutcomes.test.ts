import { evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TEST_OUTCOMES } from '@apm-docs/sandbox';
import remarkTestOutcomes from '../../src/remark/testOutcomes';

/** The page's placeholder through MDX with the plugin, rendered to HTML as the site would. */
async function renderedTable(): Promise<string> {
  const { default: Content } = await evaluate('<TestOutcomes />', { ...runtime, remarkPlugins: [remarkTestOutcomes] });
  return renderToStaticMarkup(createElement(Content));
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
