import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSampleFolder, listSampleFolders } from '../../src/sample-files/index';

const rootDir = mkdtempSync(path.join(os.tmpdir(), 'apm-docs-sample-folders-'));
const samplesDir = path.join(rootDir, 'samples');
const dirs = { rootDir, samplesDir };
afterAll(() => rmSync(rootDir, { recursive: true, force: true }));

function folder(name: string, entries: Record<string, string | null>): void {
  mkdirSync(path.join(samplesDir, name), { recursive: true });
  for (const [entry, content] of Object.entries(entries)) {
    if (content === null) mkdirSync(path.join(samplesDir, name, entry));
    else writeFileSync(path.join(samplesDir, name, entry), content);
  }
}

folder('greet', { 'greet.go': '', 'greet.sh': '', 'greet.ts': '', '.verified.json': '{}', '.DS_Store': '' });
folder('odd-sample', { 'odd-sample.ts': '', 'helper.ts': '', 'odd-sample.java': '', 'odd-sample.TS': '', nested: null });
folder('Bad_Name', { 'Bad_Name.ts': '' });
folder('only-dotfiles', { '.gitkeep': '' });
writeFileSync(path.join(samplesDir, 'tsconfig.json'), '{}');

describe('listSampleFolder', () => {
  it('lists <name><extension> files in tab order, with paths from the root, and skips dotfiles', () => {
    expect(listSampleFolder(dirs, 'greet')).toEqual({
      name: 'greet',
      path: path.join(samplesDir, 'greet'),
      files: [
        { path: path.join(samplesDir, 'greet', 'greet.sh'), relativePath: 'samples/greet/greet.sh', language: 'curl' },
        { path: path.join(samplesDir, 'greet', 'greet.ts'), relativePath: 'samples/greet/greet.ts', language: 'typescript' },
        { path: path.join(samplesDir, 'greet', 'greet.go'), relativePath: 'samples/greet/greet.go', language: 'go' },
      ],
      problems: [],
    });
  });

  it('reports a file not named after its folder, an unknown extension and a sub-folder, one problem each', () => {
    const listed = listSampleFolder(dirs, 'odd-sample');
    expect(listed.files.map((file) => file.language)).toEqual(['typescript']);
    const expected = 'odd-sample.sh, odd-sample.ts, odd-sample.py, odd-sample.rb, odd-sample.php, odd-sample.go';
    expect(listed.problems).toEqual([
      `samples/odd-sample/helper.ts is not a sample file; name it one of ${expected}`,
      `samples/odd-sample/nested/ is a folder; a sample folder holds only its files (${expected})`,
      `samples/odd-sample/odd-sample.java is not a sample file; name it one of ${expected}`,
      `samples/odd-sample/odd-sample.TS is not a sample file; name it one of ${expected}`,
    ]);
  });

  it('reports a folder name that is not lowercase words joined by hyphens, a path, a missing and an empty folder', () => {
    expect(listSampleFolder(dirs, 'Bad_Name').problems).toEqual([
      'sample name "Bad_Name" must be a folder name of lowercase words joined by hyphens, such as "create-invoice"',
    ]);
    expect(listSampleFolder(dirs, '../greet').problems).toEqual([
      expect.stringMatching(/^sample name "\.\.\/greet" must be a folder name/),
    ]);
    expect(listSampleFolder(dirs, 'no-such-sample').problems).toEqual(['sample folder samples/no-such-sample/ does not exist']);
    expect(listSampleFolder(dirs, 'only-dotfiles').problems).toEqual(['sample folder samples/only-dotfiles/ has no sample files']);
  });
});

describe('listSampleFolders', () => {
  it('lists every folder under the samples directory by name, the badly named ones with their problem, and no loose file', () => {
    const folders = listSampleFolders(dirs);
    expect(folders.map((listed) => [listed.name, listed.problems.length])).toEqual([
      ['Bad_Name', 1],
      ['greet', 0],
      ['odd-sample', 4],
      ['only-dotfiles', 1],
    ]);
  });
});
