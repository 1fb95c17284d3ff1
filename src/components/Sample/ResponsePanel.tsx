import React, { type ReactNode } from 'react';
import type { SampleResponse } from '@site/src/sample-files/types';
import styles from './styles.module.css';

/**
 * The response under one tab, highlighted at build time: what this tab's file printed when CI ran it,
 * or, for a language CI does not run, the API's answer to the same request (as the curl file received
 * it), labelled as such so nobody takes it for that file's output.
 */
export default function ResponsePanel({ response }: { response: SampleResponse }): ReactNode {
  return (
    <details open data-sample-response={response.kind} className={styles.response}>
      <summary className={styles.responseSummary}>
        {response.kind === 'printed' ? (
          <>
            Response: what <code>{response.file}</code> printed when CI ran it against the sandbox
          </>
        ) : (
          <>
            <strong>The API answers</strong> (as <code>{response.file}</code> received it when CI ran it against the sandbox; this tab's
            file is not run in CI)
          </>
        )}
      </summary>
      {/* IDs, times and the sandbox address are normalised: they differ on every run. */}
      <div className={styles.code} dangerouslySetInnerHTML={{ __html: response.html }} />
    </details>
  );
}
