/** The languages a sample folder may hold, one file each, recognised by file extension. */
export const LANGUAGES = {
  ".sh": { id: "curl", regionComment: "#" },
  ".ts": { id: "typescript", regionComment: "//" },
  ".py": { id: "python", regionComment: "#" },
  ".rb": { id: "ruby", regionComment: "#" },
  ".php": { id: "php", regionComment: "//" },
  ".go": { id: "go", regionComment: "//" },
} as const;

export type Extension = keyof typeof LANGUAGES;
export type Language = (typeof LANGUAGES)[Extension]["id"];

export const BACKEND_LANGUAGES: readonly Language[] = ["curl", "typescript", "python", "ruby", "php", "go"];

export function languageOfExtension(extension: string): Language | undefined {
  return Object.hasOwn(LANGUAGES, extension) ? LANGUAGES[extension as Extension].id : undefined;
}

export function regionCommentOf(language: Language): "#" | "//" {
  const entry = Object.values(LANGUAGES).find((candidate) => candidate.id === language);
  if (!entry) throw new Error(`Unknown language ${language}`);
  return entry.regionComment;
}
