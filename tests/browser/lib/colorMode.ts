import type { Page } from 'playwright-core';

/**
 * Switches the page to dark mode with the navbar toggle (it cycles system, light and dark). Diagrams
 * need no wait: their SVG carries both modes' styles and follows `data-theme` at once.
 */
export async function switchToDarkWithToggle(page: Page): Promise<void> {
  const toggle = page.locator('.navbar').getByRole('button', { name: /switch between dark and light mode/i });
  for (let clicks = 0; clicks < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; clicks += 1) {
    await toggle.click();
  }
  await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
}
