import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import type { CheckStatus, VerificationBadge } from '@site/src/sample-files/verification';
import styles from './styles.module.css';

const ICONS: Record<CheckStatus, string> = { passed: '✓', skipped: '!', failed: '✗' };
const STATUS_CLASSES: Record<CheckStatus, string | undefined> = {
  passed: styles.passed,
  skipped: styles.skipped,
  failed: styles.failed,
};

/** What CI did with the file, from the suite's record; anything short of "passed" stands out. */
export default function VerifiedBadge({ badge, file }: { badge: VerificationBadge; file: string }): ReactNode {
  return (
    <span
      data-verified
      data-verified-status={badge.status}
      className={clsx(styles.badge, STATUS_CLASSES[badge.status])}
      title={`What CI did with ${file}:\n${badge.details}`}>
      <span aria-hidden="true" className={styles.badgeIcon}>
        {ICONS[badge.status]}
      </span>
      <span className={styles.visuallyHidden}>CI: </span>
      {badge.text}
    </span>
  );
}
