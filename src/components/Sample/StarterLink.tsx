import React, { type ReactNode } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { SampleTab } from '@site/src/sample-files/types';
import styles from './styles.module.css';

/** What each language's starter holds besides the file, as the link's tooltip says it. */
const MANIFESTS: Record<SampleTab['value'], string> = {
  curl: 'the script',
  typescript: 'package.json (tsx, typescript, @types/node pinned) and tsconfig.json',
  python: 'requirements.txt with the SDK pinned',
  ruby: 'a Gemfile with the SDK pinned',
  php: 'composer.json with the SDK pinned',
  go: 'go.mod with the SDK pinned',
};

/** "Download a starter": a zip the site's build makes from this tab's file (src/plugins/starters.ts). */
export default function StarterLink({ tab, starter }: { tab: SampleTab; starter: string }): ReactNode {
  const href = useBaseUrl(`/${starter}`);
  return (
    <a
      href={href}
      download
      data-starter={tab.value}
      className={styles.starterLink}
      title={`A ${tab.label} project: ${MANIFESTS[tab.value]}, .env.example and a three-line README`}
    >
      Download a starter{' '}
      <span className={styles.visuallyHidden}>
        {tab.label} project for {tab.file}
      </span>
      <span aria-hidden="true">(.zip)</span>
    </a>
  );
}
