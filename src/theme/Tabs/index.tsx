/**
 * Wraps (does not eject) the theme's Tabs to add the Home and End keys of the WAI-ARIA tabs pattern: the
 * theme's own tab list moves focus with the arrow keys (and selects with Enter) but ignores Home and End.
 * Like the arrows, they move focus only. The wrapper listens where the key events bubble to, so the
 * theme's markup stays as it is.
 */
import React, { type KeyboardEvent, type ReactNode } from 'react';
import Tabs from '@theme-original/Tabs';
import type TabsType from '@theme/Tabs';
import type { WrapperProps } from '@docusaurus/types';

type Props = WrapperProps<typeof TabsType>;

function focusEdgeTab(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Home' && event.key !== 'End') return;
  const current = event.target as HTMLElement;
  if (current.getAttribute('role') !== 'tab') return;
  const list = current.closest('[role="tablist"]');
  const tabs = list ? Array.from(list.querySelectorAll<HTMLElement>('[role="tab"]')) : [];
  const target = event.key === 'Home' ? tabs[0] : tabs[tabs.length - 1];
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export default function TabsWrapper(props: Props): ReactNode {
  return (
    <div onKeyDown={focusEdgeTab}>
      <Tabs {...props} />
    </div>
  );
}
