import React, { useId, useState, type ReactNode } from 'react';
import type { SampleLanguage } from '@site/src/sample-files/languages';
import type { SampleTab } from '@site/src/sample-files/types';
import CopyButton from './CopyButton';
import ResponsePanel from './ResponsePanel';
import StarterLink from './StarterLink';
import TryIt from './TryIt';
import VerifiedBadge from './VerifiedBadge';
import styles from './styles.module.css';

/** Shiki's HTML when it was shipped, else the code escaped by React. */
function Code({ code, html, id }: { code: string; html: string | null; id: string }): ReactNode {
  // Highlighted at build time by src/remark/samples.ts from the file itself.
  if (html !== null) return <div id={id} className={styles.code} dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div id={id} className={styles.code}>
      <pre className="shiki" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

/**
 * One language tab of a sample: the shown region (or the whole file on demand), a copy button that copies
 * exactly what is shown, what CI did with the file, a starter project to download, "Try it" where the
 * page can send the request, and this tab's own response.
 */
export default function SampleFile({ tab, missingLanguage }: { tab: SampleTab; missingLanguage: SampleLanguage | null }): ReactNode {
  const [showFullFile, setShowFullFile] = useState(false);
  const codeId = useId();
  const shown = showFullFile && tab.fullFile ? { code: tab.fullFile.code, html: tab.fullFile.html } : { code: tab.code, html: tab.html };

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
            {tab.fullFile && (
              <button
                type="button"
                data-action="view-full-file"
                className={styles.button}
                aria-expanded={showFullFile}
                aria-controls={codeId}
                onClick={() => setShowFullFile((shownNow) => !shownNow)}>
                {showFullFile ? 'Show the excerpt' : 'View full file'}
              </button>
            )}
            <CopyButton code={shown.code} label={`${tab.label} code ${showFullFile ? 'of' : 'from'} ${tab.file}`} />
          </span>
        </figcaption>
        <Code id={codeId} code={shown.code} html={shown.html} />
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
