/**
 * Wraps (does not eject) the doc footer to link each page's Markdown twin, which the markdown-twin plugin
 * writes at build time (src/plugins/markdownTwin.ts).
 */
import React, { type ReactNode } from 'react';
import Footer from '@theme-original/DocItem/Footer';
import Head from '@docusaurus/Head';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { markdownTwinUrl } from '@site/src/markdown-twin/twinUrl';
import styles from './styles.module.css';

export default function FooterWrapper(): ReactNode {
  const { metadata } = useDoc();
  const twin = markdownTwinUrl(metadata.permalink);
  return (
    <>
      <Head>
        <link rel="alternate" type="text/markdown" href={twin} />
      </Head>
      <Footer />
      <p className={styles.twin}>
        {/* A plain link: the .md file is a build output, not a route the client router knows. */}
        <a href={twin} type="text/markdown" data-markdown-twin>
          View as Markdown
        </a>
      </p>
    </>
  );
}
