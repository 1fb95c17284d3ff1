/**
 * The theme's "Last updated on …" line (swizzled by ejecting: same markup), with the date written without
 * `Intl.DateTimeFormat`. The first DateTimeFormat a page creates loads the browser's locale data, some
 * 100–200 ms of main thread on a throttled phone, for one date on an English-only site. The text is the
 * one the theme prints for `en` (month short, UTC): "Dec 2, 2025".
 */
import React, { type ReactNode } from 'react';
import { ThemeClassNames } from '@docusaurus/theme-common';
import type { Props } from '@theme/LastUpdated';
import { formatUpdateDate } from './updateDate';

export default function LastUpdated({ lastUpdatedAt, lastUpdatedBy }: Props): ReactNode {
  const date = lastUpdatedAt ? new Date(lastUpdatedAt) : null;
  return (
    <span className={ThemeClassNames.common.lastUpdated}>
      Last updated
      {date && (
        <>
          {' on '}
          <b>
            <time dateTime={date.toISOString()} itemProp="dateModified">
              {formatUpdateDate(date)}
            </time>
          </b>
        </>
      )}
      {lastUpdatedBy && (
        <>
          {' by '}
          <b>{lastUpdatedBy}</b>
        </>
      )}
    </span>
  );
}
