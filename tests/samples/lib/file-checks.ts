import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckId } from '../../../src/sample-files/verification.ts';
import type { SampleLanguageValue as Language } from '../../../src/sample-files/index.ts';
import { run, type RunResult } from './run.ts';
import type { Tool } from './tools.ts';

export interface FileCheck {
  /** What the verification record (and the page's badge) calls it. */
  id: CheckId;
  tool: Tool;
  /** What the test is called, e.g. "passes ruby -wc without warnings". */
  label: string;
  check: (file: string) => Promise<RunResult>;
  /** Whether the checker's answer means "clean": some print findings yet exit 0. */
  isClean: (result: RunResult) => boolean;
}

const exitedCleanly = (result: RunResult) => result.exitCode === 0 && result.stderr.trim() === '';
const exitedSilently = (result: RunResult) => exitedCleanly(result) && result.stdout.trim() === '';

// py_compile writes a .pyc; keep it out of samples/ (Python 3.8+ honours PYTHONPYCACHEPREFIX).
const pycacheDir = mkdtempSync(path.join(os.tmpdir(), 'samples-pycache-'));

/**
 * The per-file checkers of each language: syntax, and style where the language has a standard
 * checker. TypeScript has none here: it is typechecked per project (samples/tsconfig*.json).
 */
export const FILE_CHECKS: Record<Language, readonly FileCheck[]> = {
  typescript: [],
  curl: [
    {
      id: 'bash-syntax',
      tool: 'bash',
      label: 'passes bash -n',
      check: (file) => run('bash', ['-n', file]),
      isClean: exitedCleanly,
    },
  ],
  python: [
    {
      id: 'python-compile',
      tool: 'python3',
      label: 'passes python3 -m py_compile',
      check: (file) => run('python3', ['-m', 'py_compile', file], { env: { ...process.env, PYTHONPYCACHEPREFIX: pycacheDir } }),
      isClean: exitedCleanly,
    },
    {
      id: 'pep8',
      tool: 'pycodestyle',
      label: 'follows PEP 8 (pycodestyle, 72-column docstrings and comments)',
      check: (file) => run('pycodestyle', ['--max-doc-length=72', file]),
      isClean: exitedSilently,
    },
  ],
  ruby: [
    {
      id: 'ruby-syntax',
      tool: 'ruby',
      label: 'passes ruby -wc without warnings',
      check: (file) => run('ruby', ['-wc', file]),
      isClean: (result) => exitedCleanly(result) && result.stdout.trim() === 'Syntax OK',
    },
  ],
  php: [
    {
      id: 'php-syntax',
      tool: 'php',
      label: 'passes php -l',
      check: (file) => run('php', ['-l', file]),
      isClean: exitedCleanly,
    },
  ],
  go: [
    {
      id: 'gofmt',
      tool: 'gofmt',
      label: 'is gofmt-formatted (gofmt -l -e)',
      // gofmt -l lists the files it would reformat; -e reports every syntax error.
      check: (file) => run('gofmt', ['-l', '-e', file]),
      isClean: exitedSilently,
    },
  ],
};
