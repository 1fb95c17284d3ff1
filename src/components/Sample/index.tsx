import React, { type ReactNode } from 'react';
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type { SampleProps } from '@site/src/sample-files/types';
import { LANGUAGE_GROUP, useChosenLanguage } from './languageChoice';
import SampleFile from './SampleFile';
import styles from './styles.module.css';

/**
 * One tab per language for a sample folder. Pages write `<Sample name="create-invoice" />`; the
 * `samples` remark plugin adds `tabs` at build time; each tab carries its own badge and response. The language choice is shared by
 * every sample on the site, remembered, and carried in the URL as `?language=`; a sample without the
 * chosen language shows its first tab and says so.
 */
export default function Sample({ name, tabs }: Omit<SampleProps, 'tabs'> & Partial<Pick<SampleProps, 'tabs'>>): ReactNode {
  // A page outside the docs plugin (no remark plugin) renders <Sample> without tabs.
  if (tabs === undefined) {
    throw new Error(`<Sample name="${name}"> has no tabs: it must be used in a docs page, where the samples remark plugin runs`);
  }
  const chosen = useChosenLanguage();
  // The choice lives in the browser (URL, storage): decide after hydration, as Tabs do, so the server
  // HTML and the first client render agree.
  const isBrowser = useIsBrowser();
  const missingLanguage = isBrowser && chosen && !tabs.some((tab) => tab.value === chosen.value) ? chosen : null;

  return (
    <div className={styles.sample} data-sample={name}>
      <Tabs groupId={LANGUAGE_GROUP} queryString={LANGUAGE_GROUP}>
        {tabs.map((tab) => (
          <TabItem key={tab.value} value={tab.value} label={tab.label}>
            <SampleFile tab={tab} missingLanguage={missingLanguage} />
          </TabItem>
        ))}
      </Tabs>
    </div>
  );
}
