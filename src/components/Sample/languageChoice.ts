/**
 * The reader's language, shared by every sample and every `<Tabs groupId="language">` on the site.
 * Docusaurus Tabs keep it in the URL (`?language=go`) and in localStorage under `docusaurus.tab.language`,
 * a key the storage helpers namespace themselves (with `future.v4`, e.g. `docusaurus.tab.language-c9d`):
 * go through them, never through the raw key.
 */
import { useEffect } from 'react';
import { useLocation } from '@docusaurus/router';
import { createStorageSlot, useQueryString, useStorageSlot } from '@docusaurus/theme-common';
import { SAMPLE_LANGUAGES, type SampleLanguage } from '@site/src/sample-files/languages';

export const LANGUAGE_GROUP = 'language';
/** The key Docusaurus Tabs derive from `groupId` (before namespacing). */
const LANGUAGE_STORAGE_KEY = `docusaurus.tab.${LANGUAGE_GROUP}`;

function knownLanguage(value: string | null): SampleLanguage | null {
  return SAMPLE_LANGUAGES.find((language) => language.value === value) ?? null;
}

/** The language the reader chose (URL first, then the remembered choice); null before hydration or without a choice. */
export function useChosenLanguage(): SampleLanguage | null {
  const [fromUrl] = useQueryString(LANGUAGE_GROUP);
  const [stored] = useStorageSlot(LANGUAGE_STORAGE_KEY);
  return knownLanguage(fromUrl || null) ?? knownLanguage(stored);
}

/**
 * Tabs show the language of a `?language=` link but only remember a clicked tab. This makes the link's
 * language the remembered choice too, so the next pages open in it.
 */
export function useRememberLanguageFromUrl(): void {
  const { search } = useLocation();
  useEffect(() => {
    const language = knownLanguage(new URLSearchParams(search).get(LANGUAGE_GROUP));
    if (language) createStorageSlot(LANGUAGE_STORAGE_KEY).set(language.value);
  }, [search]);
}
