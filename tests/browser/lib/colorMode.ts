import type { Page } from 'playwright-core';

const DIAGRAM_SVGS = '.docusaurus-mermaid-container svg';

/**
 * Switches the page to dark mode with the navbar toggle (it cycles system, light and dark) and waits
 * until mermaid has redrawn every diagram in its dark theme.
 */
export async function switchToDarkWithToggle(page: Page): Promise<void> {
  const before = await page.$$eval(DIAGRAM_SVGS, (svgs) => svgs.map((svg) => svg.outerHTML));
  const toggle = page.locator('.navbar').getByRole('button', { name: /switch between dark and light mode/i });
  for (let clicks = 0; clicks < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; clicks += 1) {
    await toggle.click();
  }
  await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
  await page.waitForFunction(
    ({ selector, previous }) => {
      const now = Array.from(document.querySelectorAll(selector)).map((svg) => svg.outerHTML);
      return now.length === previous.length && now.every((markup, index) => markup !== previous[index]);
    },
    { selector: DIAGRAM_SVGS, previous: before },
  );
}
