// mypy --strict over Python files, against the processout stubs in ./python (written from surface.md).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../run.ts';

export const PYTHON_STUBS_DIR = fileURLToPath(new URL('python', import.meta.url));

export interface MypyResult {
  exitCode: number | null;
  /** mypy's error lines ("<file>:<line>: error: …"), by the absolute path of the file they are about. */
  errors: Map<string, string[]>;
  output: string;
}

/** One mypy run over every file: a run per file would pay mypy's start-up (typeshed) each time. */
export async function mypyStrict(files: readonly string[]): Promise<MypyResult> {
  // mypy prints paths relative to its working directory when it can: resolve them from there.
  const cwd = os.tmpdir();
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'mypy-cache-'));
  const args = ['--strict', '--no-incremental', '--cache-dir', cacheDir, '--no-color-output', '--no-error-summary', '--show-error-codes'];
  const result = await run('mypy', [...args, ...files.map((file) => path.resolve(file))], {
    cwd,
    env: { ...process.env, MYPYPATH: PYTHON_STUBS_DIR },
    timeoutMs: 240_000,
  }).finally(() => rmSync(cacheDir, { recursive: true, force: true }));
  const errors = new Map<string, string[]>();
  for (const line of result.stdout.split('\n')) {
    const match = /^(.+?):\d+: error: /.exec(line);
    if (!match?.[1]) continue;
    const file = path.resolve(cwd, match[1]);
    errors.set(file, [...(errors.get(file) ?? []), line]);
  }
  return { exitCode: result.exitCode, errors, output: `${result.stdout}${result.stderr}`.trim() };
}
