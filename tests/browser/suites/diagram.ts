import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { sequenceSteps, type Step } from '../../../src/diagrams/sequenceSteps';
import { switchToDarkWithToggle } from '../lib/colorMode';
import { DIAGRAM_SVG, newBrowserContext, openRendered, type SiteSession } from '../lib/session';
import { mermaidBlocks, readSource, sequenceParticipants } from '../lib/sitePages';

interface DiagramSnapshot {
  /** Each participant box's label, once (mermaid draws every box at the top and again at the bottom). */
  readonly participants: string[];
  /** The SVG's accessible name, from `accTitle`. */
  readonly title: string;
  /** Computed fill of the first participant box: it differs between mermaid's light and dark themes. */
  readonly boxFill: string;
  readonly markup: string;
  readonly visible: boolean;
}

function snapshotDiagrams(page: Page): Promise<DiagramSnapshot[]> {
  return page.$$eval(DIAGRAM_SVG, (svgs) =>
    svgs.map((svg) => {
      // A long label wraps into one <text class="actor"> per line, all children of the box's group.
      const groups = new Set(Array.from(svg.querySelectorAll('text.actor')).map((text) => text.parentElement));
      const labels = [...groups].map((group) =>
        Array.from(group?.querySelectorAll(':scope > text.actor') ?? [])
          .map((text) => text.textContent.trim())
          .join(' '),
      );
      const box = svg.querySelector('rect.actor');
      const titleId = svg.getAttribute('aria-labelledby') ?? '';
      return {
        participants: [...new Set(labels)],
        title: titleId ? (svg.querySelector(`[id="${titleId}"]`)?.textContent ?? '') : '',
        boxFill: box ? getComputedStyle(box).fill : '',
        markup: svg.outerHTML,
        visible: svg.getBoundingClientRect().width > 0,
      };
    }),
  );
}

const messageCount = (steps: readonly Step[]): number =>
  steps.reduce(
    (sum, step) =>
      sum +
      (step.kind === 'message'
        ? 1
        : step.kind === 'block'
          ? step.sections.reduce((inner, section) => inner + messageCount(section.steps), 0)
          : 0),
    0,
  );

export function diagramTests(session: SiteSession): void {
  it('serves every diagram as an SVG in the HTML, with its title and its labels as text', async (context) => {
    const site = session.ready(context);
    const pagesWithDiagrams = site.pages.filter((page) => (site.diagramCounts.get(page.route) ?? 0) > 0);
    expect(pagesWithDiagrams.map((page) => page.route)).toContain('/apm-prerequisites');
    for (const sitePage of pagesWithDiagrams) {
      const sources = mermaidBlocks(await readSource(sitePage));
      // What a crawler, a feed reader or a reader without JavaScript gets.
      const html = await (await fetch(new URL(sitePage.route, site.url))).text();
      const figures = [...html.matchAll(/<figure class="?diagram[\s\S]*?<\/figure>/g)].map(([figure]) => figure);
      expect(figures, sitePage.route).toHaveLength(sources.length);
      sources.forEach((source, index) => {
        const figure = figures[index] ?? '';
        expect(figure).toMatch(/<svg [^>]*role="graphics-document document"/);
        const title = /^\s*accTitle:\s*(.+?)\s*$/m.exec(source)?.[1];
        if (title) expect(figure).toMatch(new RegExp(`<title[^>]*>${title}</title>`));
        for (const participant of sequenceParticipants(source)) {
          for (const word of participant.split(' '))
            expect(figure, `${sitePage.route}: ${participant}`).toMatch(new RegExp(`<tspan[^>]*>${word}</tspan>`));
        }
      });
    }
  });

  it('draws each diagram naming every participant, restyles it for dark mode without redrawing, and Ctrl+F finds its labels', async (context) => {
    const site = session.ready(context);
    for (const sitePage of site.pages.filter((page) => (site.diagramCounts.get(page.route) ?? 0) > 0)) {
      const sources = mermaidBlocks(await readSource(sitePage));
      const browserContext = await newBrowserContext(site, { colorScheme: 'light', viewport: { width: 1280, height: 800 } });
      try {
        const page = await browserContext.newPage();
        await openRendered(site, page, sitePage.route);
        expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
        const light = await snapshotDiagrams(page);
        expect(light, sitePage.route).toHaveLength(sources.length);
        await switchToDarkWithToggle(page);
        const dark = await snapshotDiagrams(page);

        for (const [index, source] of sources.entries()) {
          const where = `${sitePage.route}, diagram ${index + 1}`;
          const expected = [...sequenceParticipants(source)].sort();
          const title = /^\s*accTitle:\s*(.+?)\s*$/m.exec(source)?.[1];
          for (const [mode, diagram] of [
            ['light', light[index]],
            ['dark', dark[index]],
          ] as const) {
            expect(diagram?.visible, `${where}, ${mode}: drawn at 1280px`).toBe(true);
            if (expected.length > 0) expect([...(diagram?.participants ?? [])].sort(), `${where}, ${mode}`).toEqual(expected);
            if (title) expect(diagram?.title, `${where}, ${mode}`).toBe(title);
          }
          expect(dark[index]?.boxFill, `${where}: dark mode uses mermaid's dark theme`).not.toBe(light[index]?.boxFill);
          expect(dark[index]?.markup, `${where}: the same SVG, restyled`).toBe(light[index]?.markup);
          const firstMessage = /^\s*\S+\s*-+>>?\s*\S+\s*:\s*([^<\n]+?)\s*$/m.exec(source)?.[1];
          // window.find is the browser's find-in-page (Ctrl+F): it only finds rendered text.
          if (firstMessage)
            expect(
              await page.evaluate((text) => (window as unknown as { find(text: string): boolean }).find(text), firstMessage),
              `${where}: finds "${firstMessage}"`,
            ).toBe(true);
        }
      } finally {
        await browserContext.close();
      }
    }
  });

  it('fetches the drawing after a client-side navigation (the SVG is in the HTML, not in the JavaScript)', async (context) => {
    const site = session.ready(context);
    const browserContext = await newBrowserContext(site, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await browserContext.newPage();
      await openRendered(site, page, '/');
      await page.locator('.navbar a', { hasText: 'APM prerequisites' }).first().click();
      await page.waitForURL('**/apm-prerequisites');
      await page.locator(DIAGRAM_SVG).first().waitFor({ state: 'visible' });
      expect(await page.locator(`${DIAGRAM_SVG} text.actor`).count()).toBeGreaterThan(0);
    } finally {
      await browserContext.close();
    }
  });

  it('shows a sequence diagram as its numbered steps at 390px, each naming its two lanes', async (context) => {
    const site = session.ready(context);
    for (const sitePage of site.pages.filter((page) => (site.diagramCounts.get(page.route) ?? 0) > 0)) {
      const sources = mermaidBlocks(await readSource(sitePage));
      const browserContext = await newBrowserContext(site, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      try {
        const page = await browserContext.newPage();
        await openRendered(site, page, sitePage.route);
        for (const [index, source] of sources.entries()) {
          const steps = sequenceSteps(source);
          if (steps === null) continue;
          const figure = page.locator('figure.diagram').nth(index);
          expect(await figure.locator(':scope > .diagram__drawing').isVisible(), `${sitePage.route}: drawing hidden at 390px`).toBe(false);
          const list = figure.locator(':scope > ol.diagram-steps');
          expect(await list.isVisible()).toBe(true);
          const items = await list.locator('li.diagram-step').evaluateAll((lis) =>
            lis.map((li) => ({
              lanes: Array.from(li.querySelectorAll('.diagram-lane')).map((lane) => lane.textContent),
              right: li.getBoundingClientRect().right,
            })),
          );
          expect(items).toHaveLength(messageCount(steps.steps));
          for (const item of items) {
            expect(item.lanes).toHaveLength(2);
            expect(item.right, 'a step wider than the screen').toBeLessThanOrEqual(390);
          }
          const labels = new Set(items.flatMap((item) => item.lanes));
          expect([...labels].sort()).toEqual([...sequenceParticipants(source)].sort());
        }
      } finally {
        await browserContext.close();
      }
    }
  });
}
