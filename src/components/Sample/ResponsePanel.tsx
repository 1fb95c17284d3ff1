import React, { type ReactNode } from 'react';
import type { SampleResponse } from '@site/src/sample-files/types';
import styles from './styles.module.css';

/** The JSON the sample's TypeScript file printed when CI ran it against the sandbox, highlighted at build time. */
export default function ResponsePanel({ response }: { response: SampleResponse }): ReactNode {
  return (
    <details open data-sample-response className={styles.response}>
      <summary className={styles.responseSummary}>
        Response: what <code>{response.file}</code> printed when CI ran it against the sandbox
      </summary>
      {/* IDs, times and the sandbox address are normalised: they differ on every run. */}
      <div className={styles.code} dangerouslySetInnerHTML={{ __html: response.html }} />
    </details>
  );
}
