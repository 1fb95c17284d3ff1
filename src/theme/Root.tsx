/**
 * The site's root component (Docusaurus renders it around every page and never unmounts it). It makes a
 * `?language=` link the reader's remembered language, on any page.
 */
import React, { type ReactNode } from 'react';
import { useRememberLanguageFromUrl } from '@site/src/components/Sample/languageChoice';

export default function Root({ children }: { children: ReactNode }): ReactNode {
  useRememberLanguageFromUrl();
  return <>{children}</>;
}
