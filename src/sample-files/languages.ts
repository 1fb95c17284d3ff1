/**
 * The languages a sample folder may contain, in the order their tabs appear on every page.
 * A file's extension alone decides its language; a folder holds at most one file per entry (see sampleFolder.ts).
 */
export interface SampleLanguage {
  /** Tab value, shared site-wide through `groupId="language"` and `?language=` in the URL. */
  readonly value: 'curl' | 'typescript' | 'python' | 'ruby' | 'php' | 'go';
  readonly label: string;
  readonly extension: string;
  /** Shiki grammar used to highlight the file. */
  readonly grammar: 'bash' | 'typescript' | 'python' | 'ruby' | 'php' | 'go';
  /** Line-comment token that starts a `#region` / `#endregion` marker in this language. */
  readonly commentToken: '//' | '#';
}

export const SAMPLE_LANGUAGES: readonly SampleLanguage[] = [
  { value: 'curl', label: 'cURL', extension: '.sh', grammar: 'bash', commentToken: '#' },
  { value: 'typescript', label: 'TypeScript', extension: '.ts', grammar: 'typescript', commentToken: '//' },
  { value: 'python', label: 'Python', extension: '.py', grammar: 'python', commentToken: '#' },
  { value: 'ruby', label: 'Ruby', extension: '.rb', grammar: 'ruby', commentToken: '#' },
  { value: 'php', label: 'PHP', extension: '.php', grammar: 'php', commentToken: '//' },
  { value: 'go', label: 'Go', extension: '.go', grammar: 'go', commentToken: '//' },
];

export type SampleLanguageValue = SampleLanguage['value'];

export function sampleLanguage(value: SampleLanguageValue): SampleLanguage {
  const language = SAMPLE_LANGUAGES.find((candidate) => candidate.value === value);
  if (!language) throw new Error(`unknown sample language "${value}"`);
  return language;
}
