import React, { useEffect, useState, type ReactNode } from 'react';
import styles from './styles.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

const COPY_LABELS: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };
const COPY_FEEDBACK_MS = 2000;

/** Copies what `codeOf` returns when clicked: the caller reads exactly what the reader sees, nothing added. */
export default function CopyButton({ codeOf, label }: { codeOf: () => string; label: string }): ReactNode {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), COPY_FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = () => {
    navigator.clipboard.writeText(codeOf()).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <button type="button" data-action="copy" className={styles.button} onClick={copy} aria-label={`${COPY_LABELS[state]}: ${label}`}>
      <span aria-live="polite">{COPY_LABELS[state]}</span>
    </button>
  );
}
