import type { Locator, Page } from 'playwright-core';

/** For each tab list on the page that offers `label`, whether that tab is the selected one. */
export function groupsShowing(page: Page, label: string): Promise<boolean[]> {
  return page.$$eval(
    '[role="tablist"]',
    (lists, wanted) =>
      lists
        .map((list) => Array.from(list.querySelectorAll('[role="tab"]')).find((tab) => tab.textContent.trim() === wanted))
        .filter((tab) => tab !== undefined)
        .map((tab) => tab.getAttribute('aria-selected') === 'true'),
    label,
  );
}

/** The tab panel a tab group currently shows. */
export function visiblePanel(group: Locator): Locator {
  return group.locator('[role="tabpanel"]:not([hidden])');
}

export function tab(group: Locator, label: string): Locator {
  return group.getByRole('tab', { name: label, exact: true });
}

/**
 * Text of each element matching `selector` inside `root` that the current tab shows: elements in a hidden
 * tab panel are left out, wherever the component puts them.
 */
export function shownTexts(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate(
    (element, wanted) =>
      Array.from(element.querySelectorAll(wanted))
        .filter((match) => match.closest('[role="tabpanel"][hidden]') === null)
        .map((match) => match.textContent),
    selector,
  );
}
