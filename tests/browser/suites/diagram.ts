import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { switchToDarkWithToggle } from '../lib/colorMode';
import { newBrowserContext, openRendered, type SiteSession } from '../lib/session';
import { mermaidBlocks, readSource, sequenceParticipants } from '../lib/sitePages';

interface DiagramSnapshot {
  /** Each participant box's label, once (mermaid draws every box at the top and again at the bottom). */
  readonly participants: string[];
  /** The accessible name mermaid gives the SVG from `accTitle`. */
  readonly title: string;
  /** Computed fill of the first participant box: it changes with mermaid's light and dark themes. */
  readonly boxFill: string;
}

function snapshotDiagrams(page: Page): Promise<DiagramSnapshot[]> {
  return page.$$eval('.docusaurus-mermaid-container svg', (svgs) =>
    svgs.map((svg) => {
      // A long label wraps into one <text class="actor"> per line, all children of the box's group.
      const groups = new Set(Array.from(svg.querySelectorAll('text.actor')).map((text) => text.parentElement));
      const labels = [...groups].map((group) =>
        Array.from(group?.querySelectorAll(':scope > text.actor') ?? [])
          .map((text) => text.textContent?.trim() ?? '')
          .join(' '),
      );
      const box = svg.querySelector('rect.actor');
      return {
        participants: [...new Set(labels)],
        title: svg.querySelector(':scope > title')?.textContent ?? '',
        boxFill: box ? getComputedStyle(box).fill : '',
      };
    }),
  );
}

export function diagramTests(session: SiteSession): void {
  it('draws every sequence diagram as an SVG naming each participant of its source, then redraws it for dark mode', async (context) => {
    const site = session.ready(context);
    const pagesWithDiagrams = site.pages.filter((page) => (site.diagramCounts.get(page.route) ?? 0) > 0);
    expect(pagesWithDiagrams.map((page) => page.route)).toContain('/apm-prerequisites');

    for (const sitePage of pagesWithDiagrams) {
      const sources = mermaidBlocks(await readSource(sitePage));
      const browserContext = await newBrowserContext(site, { colorScheme: 'light' });
      try {
        const page = await browserContext.newPage();
        await openRendered(site, page, sitePage.route);
        expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
        const light = await snapshotDiagrams(page);
        expect(light, sitePage.route).toHaveLength(sources.length);

        await switchToDarkWithToggle(page);
        const dark = await snapshotDiagrams(page);

        sources.forEach((source, index) => {
          const where = `${sitePage.route}, diagram ${index + 1}`;
          const expected = [...sequenceParticipants(source)].sort();
          const title = /^\s*accTitle:\s*(.+?)\s*$/m.exec(source)?.[1];
          const isSequence = /^\s*sequenceDiagram\b/.test(source);
          if (isSequence) expect(expected.length, `${where}: participants declared in the source`).toBeGreaterThan(0);
          for (const [mode, diagram] of [['light', light[index]], ['dark', dark[index]]] as const) {
            if (isSequence) expect([...(diagram?.participants ?? [])].sort(), `${where}, ${mode}`).toEqual(expected);
            if (title) expect(diagram?.title, `${where}, ${mode}`).toBe(title);
          }
          expect(dark[index]?.boxFill, `${where}: dark mode draws with mermaid's dark theme`).not.toBe(light[index]?.boxFill);
        });
      } finally {
        await browserContext.close();
      }
    }
  });
}
