import React, { useId, useRef, useState, type ReactNode } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { SampleLanguage } from '@site/src/sample-files/languages';
import type { SampleTab } from '@site/src/sample-files/types';
import CopyButton from './CopyButton';
import ResponsePanel from './ResponsePanel';
import StarterLink from './StarterLink';
import TryIt from './TryIt';
import VerifiedBadge from './VerifiedBadge';
import styles from './styles.module.css';

type FullFile = { state: 'closed' | 'loading' | 'failed' } | { state: 'open'; html: string };

/** The text of highlighted code as shown: its lines' text joined by newlines, the sample's bytes exactly. */
function shownCode(block: HTMLElement | null): string {
  return Array.from(block?.querySelectorAll('pre .line') ?? [], (line) => line.textContent).join('\n');
}

/**
 * One language tab of a sample: the shown region (or the whole file on demand), a copy button that copies
 * exactly what is shown, what CI did with the file, a starter project to download, "Try it" where the
 * page can send the request, and this tab's own response. The region is in the served HTML; the whole
 * file is fetched from its build asset (src/sample-files/fullFile.ts) when the reader opens it.
 */
export default function SampleFile({ tab, missingLanguage }: { tab: SampleTab; missingLanguage: SampleLanguage | null }): ReactNode {
  const [fullFile, setFullFile] = useState<FullFile>({ state: 'closed' });
  // The fetched file, kept for the next opening.
  const fetched = useRef<string | null>(null);
  const codeId = useId();
  const fullFileUrl = useBaseUrl(`/${tab.fullFile}`);
  const open = fullFile.state === 'open';

  const toggle = async () => {
    if (open) {
      setFullFile({ state: 'closed' });
      return;
    }
    if (fetched.current === null) {
      setFullFile({ state: 'loading' });
      try {
        const response = await fetch(fullFileUrl);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        fetched.current = await response.text();
      } catch {
        setFullFile({ state: 'failed' });
        return;
      }
    }
    setFullFile({ state: 'open', html: fetched.current });
  };

  return (
    <>
      {missingLanguage && (
        <p className={styles.fallbackNote} data-sample-fallback>
          No {missingLanguage.label} version of this sample: showing {tab.label}.
        </p>
      )}
      <figure className={styles.file} data-sample-code>
        <figcaption className={styles.titleBar}>
          <span className={styles.fileName}>{tab.file}</span>
          <span className={styles.actions}>
            <button
              type="button"
              data-action="view-full-file"
              className={styles.button}
              aria-expanded={open}
              aria-controls={codeId}
              aria-busy={fullFile.state === 'loading'}
              onClick={() => void toggle()}
            >
              {open ? 'Show the excerpt' : 'View full file'}
            </button>
            <CopyButton
              codeOf={() => shownCode(document.getElementById(codeId))}
              label={`${tab.label} code ${open ? 'of' : 'from'} ${tab.file}`}
            />
          </span>
        </figcaption>
        {fullFile.state === 'failed' && (
          <p role="status" className={styles.loadError}>
            The full file could not be loaded: <a href={fullFileUrl}>open it on its own</a>.
          </p>
        )}
        {/* Highlighted at build time by src/remark/samples.ts from the file itself. */}
        <div
          id={codeId}
          className={styles.code}
          dangerouslySetInnerHTML={{ __html: fullFile.state === 'open' ? fullFile.html : tab.html }}
        />
      </figure>
      <div className={styles.footer}>
        <VerifiedBadge badge={tab.verification} file={tab.file} />
        {tab.starter && <StarterLink tab={tab} starter={tab.starter} />}
        {tab.tryIt && <TryIt request={tab.tryIt} file={tab.file} />}
      </div>
      {tab.response && <ResponsePanel response={tab.response} />}
    </>
  );
}
