/**
 * `#region` handling for sample files.
 *
 * A sample file may mark the part a page shows with a pair of comment lines:
 *   `// #region name` … `// #endregion` (TypeScript, PHP, Go)
 *   `# #region name`  … `# #endregion`  (shell, Python, Ruby)
 * Regions may nest. Marker lines are never part of the code we return, in the region or in the full file.
 */

export interface ExtractOptions {
  /** Comment token that starts a marker in this file's language. */
  readonly commentToken: '//' | '#';
  /** Region to show; when absent, a file with exactly one region shows it, otherwise the whole file. */
  readonly region?: string | undefined;
}

export interface ExtractedCode {
  /** The code a reader sees: the selected region, dedented, or the whole file. */
  readonly code: string;
  /** The region shown, or null when `code` is the whole file. */
  readonly region: string | null;
  /** The whole file without marker lines. */
  readonly fullCode: string;
}

interface RegionSpan {
  /** Index of the first line after the `#region` marker. */
  readonly start: number;
  /** Index of the matching `#endregion` marker. */
  readonly end: number;
}

export class SampleRegionError extends Error {
  override name = 'SampleRegionError';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function markerPattern(commentToken: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(commentToken)}\\s*#(region|endregion)\\b\\s*(.*?)\\s*$`);
}

/** Finds every region and the indexes of all marker lines; throws on malformed markers. */
function scanRegions(lines: readonly string[], commentToken: string) {
  const pattern = markerPattern(commentToken);
  const regions = new Map<string, RegionSpan>();
  const markerLines = new Set<number>();
  const open: { name: string; start: number; line: number }[] = [];

  lines.forEach((line, index) => {
    const match = pattern.exec(line);
    if (!match) return;
    const [, kind, name = ''] = match;
    markerLines.add(index);
    if (kind === 'region') {
      if (name === '') throw new SampleRegionError(`line ${index + 1}: "#region" needs a name`);
      if (regions.has(name) || open.some((region) => region.name === name)) {
        throw new SampleRegionError(`line ${index + 1}: region "${name}" is defined twice`);
      }
      open.push({ name, start: index + 1, line: index + 1 });
      return;
    }
    const closing = open.pop();
    if (!closing) throw new SampleRegionError(`line ${index + 1}: "#endregion" without a matching "#region"`);
    if (name !== '' && name !== closing.name) {
      throw new SampleRegionError(
        `line ${index + 1}: "#endregion ${name}" closes region "${closing.name}" (opened on line ${closing.line})`,
      );
    }
    regions.set(closing.name, { start: closing.start, end: index });
  });

  const unclosed = open.pop();
  if (unclosed) throw new SampleRegionError(`line ${unclosed.line}: region "${unclosed.name}" is never closed`);
  return { regions, markerLines };
}

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

export function extractCode(source: string, options: ExtractOptions): ExtractedCode {
  const lines = source.split(/\r?\n/);
  const { regions, markerLines } = scanRegions(lines, options.commentToken);
  const withoutMarkers = (from: number, to: number) =>
    lines.slice(from, to).filter((_, offset) => !markerLines.has(from + offset));
  const fullCode = tidy(withoutMarkers(0, lines.length));

  let selected: string | null = null;
  if (options.region !== undefined) {
    if (!regions.has(options.region)) {
      const available = [...regions.keys()].map((name) => `"${name}"`).join(', ') || 'none';
      throw new SampleRegionError(`region "${options.region}" not found (regions in this file: ${available})`);
    }
    selected = options.region;
  } else if (regions.size === 1) {
    selected = [...regions.keys()][0] ?? null;
  }

  if (selected === null) return { code: fullCode, region: null, fullCode };

  const span = regions.get(selected) as RegionSpan;
  const code = tidy(dedent(withoutMarkers(span.start, span.end)));
  if (code === '') throw new SampleRegionError(`region "${selected}" is empty`);
  return { code, region: selected, fullCode };
}
