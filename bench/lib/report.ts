/** One line of the budget report: a measured figure, its target and whether it meets it. */
export interface BudgetRow {
  readonly metric: string;
  readonly value: string;
  /** Human-readable target, e.g. "≤ 200 KiB"; absent for figures reported for information. */
  readonly target?: string;
  readonly met?: boolean;
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatReport(rows: readonly BudgetRow[]): string {
  const columns = [
    rows.map((row) => row.metric),
    rows.map((row) => row.value),
    rows.map((row) => row.target ?? ''),
    rows.map((row) => (row.met === undefined ? 'info' : row.met ? 'PASS' : 'MISS')),
  ];
  const headers = ['metric', 'value', 'target', 'result'];
  const widths = columns.map((column, index) => Math.max(headers[index]?.length ?? 0, ...column.map((cell) => cell.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  const checked = rows.filter((row) => row.met !== undefined);
  return [
    line(headers),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((_, index) => line(columns.map((column) => column[index] ?? ''))),
    '',
    `${checked.filter((row) => row.met).length} of ${checked.length} targets met`,
  ].join('\n');
}
