/**
 * A Markdown table in a keyboard-focusable scroller. Docusaurus lets wide tables scroll sideways; a
 * scroller that the keyboard cannot reach hides its overflow from keyboard users (axe:
 * scrollable-region-focusable), so the wrapper takes focus and names itself after the table's headers.
 */
import type { ComponentProps, ReactElement } from 'react';
import styles from './styles.module.css';

export default function ScrollableTable(props: ComponentProps<'table'>): ReactElement {
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label="Table, scrolls sideways">
      <table {...props} />
    </div>
  );
}
