/**
 * The theme's Tabs (swizzled by ejecting: same markup, classes and hooks), with two changes:
 *
 * - No remount after hydration. The theme keys its tabs on `useIsBrowser()`, a leftover workaround for
 *   facebook/docusaurus#5653 from when the selected tab was read during the first render; the hooks now
 *   start from the default tab and sync the stored or `?language=` choice in a layout effect, so the
 *   server HTML and the first client render agree. The remount threw away and rebuilt every tab panel of
 *   every sample (each language's highlighted code, re-parsed) right after hydration: the page's longest
 *   task.
 * - Home and End keys, of the WAI-ARIA tabs pattern, beside the theme's arrows. Like the arrows, every
 *   key moves focus only; Enter selects.
 */
import React, { type KeyboardEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import { ThemeClassNames } from '@docusaurus/theme-common';
import {
  sanitizeTabsChildren,
  TabsProvider,
  useScrollPositionBlocker,
  useTabs,
  useTabsContextValue,
} from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/Tabs';
import styles from './styles.module.css';

/** The tab that `key` moves focus to from `current`, or undefined for a key the tab list ignores. */
function focusTarget(tabs: readonly HTMLLIElement[], current: HTMLLIElement, key: string): HTMLLIElement | undefined {
  const index = tabs.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return tabs[index + 1] ?? tabs[0];
    case 'ArrowLeft':
      return tabs[index - 1] ?? tabs[tabs.length - 1];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[tabs.length - 1];
    default:
      return undefined;
  }
}

function TabList({ className }: { className?: string }): ReactNode {
  const { selectedValue, selectValue, tabValues, block } = useTabs();
  const tabRefs: HTMLLIElement[] = [];
  const { blockElementScrollPositionUntilNextRender } = useScrollPositionBlocker();

  const selectTab = (tab: HTMLLIElement) => {
    const value = tabValues[tabRefs.indexOf(tab)]?.value;
    if (value !== undefined && value !== selectedValue) {
      blockElementScrollPositionUntilNextRender(tab);
      selectValue(value);
    }
  };

  const handleKeydown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key === 'Enter') {
      selectTab(event.currentTarget);
      return;
    }
    const target = focusTarget(tabRefs, event.currentTarget, event.key);
    if (!target) return undefined;
    // Home and End would otherwise scroll the page.
    event.preventDefault();
    target.focus();
    return undefined;
  };

  return (
    <ul role="tablist" aria-orientation="horizontal" className={clsx('tabs', { 'tabs--block': block }, className)}>
      {tabValues.map(({ value, label, attributes }) => (
        <li
          role="tab"
          tabIndex={selectedValue === value ? 0 : -1}
          aria-selected={selectedValue === value}
          key={value}
          ref={(element) => {
            if (element) tabRefs.push(element);
          }}
          onKeyDown={handleKeydown}
          onClick={(event) => selectTab(event.currentTarget)}
          {...attributes}
          className={clsx('tabs__item', styles.tabItem, attributes?.className as string | undefined, {
            'tabs__item--active': selectedValue === value,
          })}
        >
          {label ?? value}
        </li>
      ))}
    </ul>
  );
}

export default function Tabs(props: Props): ReactNode {
  const value = useTabsContextValue(props);
  return (
    <TabsProvider value={value}>
      {/* The theme's class names, the old `tabs-container` one included, so its CSS and other code find the tabs. */}
      <div className={clsx(ThemeClassNames.tabs.container, 'tabs-container', styles.tabList)}>
        {/* As in the theme, `className` goes on the tab list, not on the container. */}
        <TabList className={props.className} />
        <div className="margin-top--md">{sanitizeTabsChildren(props.children)}</div>
      </div>
    </TabsProvider>
  );
}
