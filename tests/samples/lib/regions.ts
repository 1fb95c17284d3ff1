import { regionCommentOf, type Language } from "./languages.ts";

export interface Region {
  name: string;
  /** The lines between the markers, as written (indentation kept). */
  text: string;
}

/**
 * Reads the `#region NAME` / `#endregion` markers of a sample: zero or one region, written with the
 * language's line comment (`// #region` or `# #region`), possibly indented. Throws on anything else.
 */
export function readRegion(source: string, language: Language): Region | undefined {
  const comment = regionCommentOf(language);
  const lines = source.split("\n");
  const markers = lines.flatMap((line, index) => {
    const match = /^\s*(\/\/|#)\s*#(region|endregion)\b\s*(.*?)\s*$/.exec(line);
    return match ? [{ index, comment: match[1], kind: match[2], name: match[3] ?? "" }] : [];
  });
  if (markers.length === 0) return undefined;

  const [start, end, ...extra] = markers;
  if (extra.length > 0) throw new Error(`Found ${markers.length} region markers; a sample has at most one region`);
  if (!start || !end || start.kind !== "region" || end.kind !== "endregion") {
    throw new Error("Region markers must be one `#region NAME` followed by one `#endregion`");
  }
  for (const marker of [start, end]) {
    if (marker.comment !== comment) {
      throw new Error(`Line ${marker.index + 1}: write region markers as \`${comment} #${marker.kind}\` in ${language}`);
    }
  }
  if (!/^[a-z0-9-]+$/.test(start.name)) throw new Error(`Line ${start.index + 1}: the region needs a kebab-case name`);
  return { name: start.name, text: lines.slice(start.index + 1, end.index).join("\n") };
}
