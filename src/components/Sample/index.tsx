import React, { useEffect, useState, type ReactNode } from 'react';
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import type { SampleProps, SampleTab } from '@site/src/sample-files/types';
import styles from './styles.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

const COPY_LABELS: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };
const COPY_FEEDBACK_MS = 2000;

function CopyButton({ code, label }: { code: string; label: string }): ReactNode {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), COPY_FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <button type="button" className={styles.copyButton} onClick={copy} aria-label={`${COPY_LABELS[state]}: ${label}`}>
      <span aria-live="polite">{COPY_LABELS[state]}</span>
    </button>
  );
}

function SampleFile({ tab }: { tab: SampleTab }): ReactNode {
  return (
    <figure className={styles.file}>
      <figcaption className={styles.titleBar}>
        <span className={styles.fileName}>{tab.file}</span>
        <CopyButton code={tab.code} label={`${tab.label} code from ${tab.file}`} />
      </figcaption>
      {/* Highlighted at build time by src/remark/samples.ts from the file itself. */}
      <div className={styles.code} dangerouslySetInnerHTML={{ __html: tab.html }} />
    </figure>
  );
}

/**
 * One tab per language for a sample folder. Pages write `<Sample name="create-invoice" />`; the
 * `samples` remark plugin adds `tabs` at build time. The language choice is shared by every sample on
 * the site, remembered, and carried in the URL as `?language=`.
 */
export default function Sample({ name, tabs }: SampleProps): ReactNode {
  if (!Array.isArray(tabs)) {
    throw new Error(`<Sample name="${name}"> has no tabs: it must be used in a docs page, where the samples remark plugin runs`);
  }
  return (
    <div className={styles.sample}>
      <Tabs groupId="language" queryString="language">
        {tabs.map((tab) => (
          <TabItem key={tab.value} value={tab.value} label={tab.label}>
            <SampleFile tab={tab} />
          </TabItem>
        ))}
      </Tabs>
    </div>
  );
}
