import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import type { VerificationBadge, VerificationTier } from '@site/src/sample-files/verification';
import styles from './styles.module.css';

type Look = VerificationTier | 'skipped' | 'failed';

/** 16×16 strokes; each look has its own shape as well as its own colour, so none relies on colour alone. */
const ICONS: Record<Look, ReactNode> = {
  // A play button: the file was run.
  ran: <path d="M5 3.5v9l7.5-4.5z" fill="currentColor" stroke="none" />,
  // A ticked box: checked against types.
  typechecked: (
    <>
      <rect x="2" y="2" width="12" height="12" rx="2.5" />
      <path d="M5 8.2l2 2 4-4.4" />
    </>
  ),
  // A ticked list: every SDK call looked up in the SDK's surface.
  'sdk-checked': <path d="M2 4.5l1 1 1.8-2M2 11l1 1 1.8-2M7.5 4.5H14M7.5 11H14" />,
  // Lines of text: parsed only.
  'syntax-checked': <path d="M2.5 4h11M2.5 8h11M2.5 12h6.5" />,
  skipped: <path d="M8 2.5v7M8 12.5v.5" />,
  failed: <path d="M4 4l8 8M12 4l-8 8" />,
};

const LOOK_CLASSES: Record<Look, string | undefined> = {
  ran: styles.tierRan,
  typechecked: styles.tierTypechecked,
  'sdk-checked': styles.tierSdkChecked,
  'syntax-checked': styles.tierSyntaxChecked,
  skipped: styles.skipped,
  failed: styles.failed,
};

/** What CI did with the file, from the suites' records: each tier of checking looks different. */
export default function VerifiedBadge({ badge, file }: { badge: VerificationBadge; file: string }): ReactNode {
  const look: Look = badge.status === 'passed' && badge.tier ? badge.tier : badge.status === 'failed' ? 'failed' : 'skipped';
  return (
    <span
      data-verified
      data-verified-status={badge.status}
      data-verified-tier={badge.tier ?? undefined}
      className={clsx(styles.badge, LOOK_CLASSES[look])}
      title={`What CI did with ${file}:\n${badge.details}`}
    >
      <svg
        aria-hidden="true"
        className={styles.badgeIcon}
        viewBox="0 0 16 16"
        width="14"
        height="14"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {ICONS[look]}
      </svg>
      <span className={styles.visuallyHidden}>CI: </span>
      {badge.text}
    </span>
  );
}
