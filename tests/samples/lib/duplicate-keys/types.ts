/** A key written twice in one literal (or one curl command): the later one silently wins, or fails to compile. */
export interface DuplicateKey {
  key: string;
  /** 1-based line of the repeated key. */
  line: number;
  /** 1-based line of its first occurrence. */
  firstLine: number;
}

/** Collects repeated names from (name, line) pairs read in order. */
export function findRepeats(named: Iterable<{ name: string; line: number }>): DuplicateKey[] {
  const firstLine = new Map<string, number>();
  const repeats: DuplicateKey[] = [];
  for (const { name, line } of named) {
    const first = firstLine.get(name);
    if (first === undefined) firstLine.set(name, line);
    else repeats.push({ key: name, line, firstLine: first });
  }
  return repeats;
}
