/**
 * The region rule of sample files. Every sample file marks the part its page shows with exactly one
 * pair of whole-line markers, written with its language's line comment:
 *   `// #region NAME` … `// #endregion` (TypeScript, PHP, Go)
 *   `# #region NAME`  … `# #endregion`  (shell, Python, Ruby)
 * NAME is lowercase words joined by hyphens, like a sample folder. No nesting, no second region, and
 * `#endregion` takes no name: a page shows one region per file, and the rest of the file keeps it
 * runnable. Marker lines are never part of the code we return, in the region or in the full file.
 */
import type { SampleLanguage } from './languages';
import { SAMPLE_NAME } from './sampleFolder';

export interface SampleRegion {
  readonly name: string;
  /** 1-based line of the `#region` marker. */
  readonly line: number;
  /** What the page shows: the lines between the markers, dedented. */
  readonly code: string;
  /** The whole file without its marker lines. */
  readonly fullCode: string;
}

export class SampleRegionError extends Error {
  override name = 'SampleRegionError';
}

/**
 * A marker line in either comment style, so a marker written with the other language's comment is
 * reported instead of being shown as code.
 */
const MARKER = /^\s*(\/\/|#)\s*#(region|endregion)\b\s*(.*?)\s*$/;

/** Removes the longest leading whitespace shared by every non-blank line (tabs and spaces alike). */
export function dedent(lines: readonly string[]): string[] {
  let common: string | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (common === null) {
      common = indent;
      continue;
    }
    let shared = 0;
    while (shared < common.length && shared < indent.length && common[shared] === indent[shared]) shared += 1;
    common = common.slice(0, shared);
  }
  const width = common?.length ?? 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(width)));
}

/** Strips trailing whitespace on each line and blank lines at both ends. */
function tidy(lines: readonly string[]): string {
  const trimmed = lines.map((line) => line.trimEnd());
  let first = 0;
  let last = trimmed.length;
  while (first < last && trimmed[first] === '') first += 1;
  while (last > first && trimmed[last - 1] === '') last -= 1;
  return trimmed.slice(first, last).join('\n');
}

/** Reads the one region of a sample file; throws a `SampleRegionError` naming the line for anything else. */
export function readRegion(source: string, language: SampleLanguage): SampleRegion {
  const token = language.commentToken;
  const lines = source.split(/\r?\n/);
  const markers = lines.flatMap((line, index) => {
    const match = MARKER.exec(line);
    return match ? [{ line: index + 1, comment: match[1], kind: match[2], name: match[3] ?? '' }] : [];
  });

  for (const marker of markers) {
    if (marker.comment !== token) {
      throw new SampleRegionError(`line ${marker.line}: write the marker as "${token} #${marker.kind}" in ${language.label}`);
    }
  }
  const [start, end, extra] = markers;
  if (!start) throw new SampleRegionError(`no "${token} #region NAME" … "${token} #endregion" marks the part the page shows`);
  if (start.kind !== 'region') throw new SampleRegionError(`line ${start.line}: "#endregion" without a "#region" before it`);
  if (!SAMPLE_NAME.test(start.name)) {
    throw new SampleRegionError(
      `line ${start.line}: the region needs a name of lowercase words joined by hyphens, e.g. "${token} #region create-invoice"`,
    );
  }
  if (!end) throw new SampleRegionError(`line ${start.line}: region "${start.name}" is never closed`);
  const second = [end, extra].find((marker) => marker?.kind === 'region');
  if (second) throw new SampleRegionError(`line ${second.line}: a second "#region" (a sample file has exactly one region)`);
  if (end.name !== '') throw new SampleRegionError(`line ${end.line}: "#endregion" takes no name`);
  if (extra) throw new SampleRegionError(`line ${extra.line}: "#endregion" without a "#region" before it`);

  const code = tidy(dedent(lines.slice(start.line, end.line - 1)));
  if (code === '') throw new SampleRegionError(`line ${start.line}: region "${start.name}" is empty`);
  const fullCode = tidy(lines.filter((_, index) => index !== start.line - 1 && index !== end.line - 1));
  return { name: start.name, line: start.line, code, fullCode };
}
