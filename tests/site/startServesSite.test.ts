import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { parse } from 'shell-quote';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_DIR, suiteBuild } from '../browser/lib/siteBuild';

// `npm start` is what a reader gets: the production build served by the `serve` script beside the sandbox,
// so search, the Markdown twins and /llms.txt work (they are build outputs the dev server lacks).
const DOCUSAURUS_BIN = path.join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

interface Scripts {
  readonly start: string;
  readonly serve: string;
  readonly dev: string;
}

async function scripts(): Promise<Scripts> {
  const manifest = JSON.parse(await readFile(path.join(SITE_DIR, 'package.json'), 'utf8')) as { scripts: Scripts };
  return manifest.scripts;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let server: ChildProcess | undefined;
let origin = '';
let buildDir = '';

beforeAll(async () => {
  buildDir = await suiteBuild();
  // The serve script's own arguments, with this run's build folder and a free port.
  const words = parse((await scripts()).serve).filter((word): word is string => typeof word === 'string');
  expect(words.slice(0, 2)).toEqual(['docusaurus', 'serve']);
  const port = await freePort();
  const args = words.slice(2).map((word, index, all) => (all[index - 1] === '--port' ? String(port) : word));
  server = spawn(process.execPath, [DOCUSAURUS_BIN, 'serve', ...args, '--dir', buildDir], { cwd: SITE_DIR, stdio: 'ignore' });
  origin = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ;) {
    const up = await fetch(origin).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`docusaurus serve did not answer on ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 240_000);

afterAll(() => {
  server?.kill();
});

describe('npm start', () => {
  it('builds the site and serves that build beside the sandbox; npm run dev is the authoring server', async () => {
    const { start, dev } = await scripts();
    expect(start).toMatch(/^docusaurus build && concurrently .*"npm:sandbox" "npm:serve"$/);
    expect(dev).toMatch(/concurrently .*"npm:sandbox" "npm:site"$/);
  });

  it("serves /llms.txt, whose links are the pages' Markdown twins, and serves each twin", async () => {
    const response = await fetch(`${origin}/llms.txt`);
    expect(response.status).toBe(200);
    const llms = await response.text();
    expect(llms).toMatch(/^# /);
    const twins = [...llms.matchAll(/\]\(([^)]+\.md)\)/g)].map((match) => match[1]!);
    expect(twins.length).toBeGreaterThan(5);
    for (const twin of twins) {
      // Absolute when the build names its public origin (DOCS_SITE_URL): fetch the path from this server.
      const { pathname } = new URL(twin, `${origin}/llms.txt`);
      const page = await fetch(`${origin}${pathname}`);
      expect(page.status, twin).toBe(200);
      expect(await page.text(), twin).toMatch(/^# /m);
    }
  });

  it('serves the search index the search box loads', async () => {
    const indexFiles = (await readdir(buildDir)).filter((name) => /^search-index.*\.json$/.test(name));
    expect(indexFiles.length).toBeGreaterThan(0);
    for (const name of indexFiles) {
      const response = await fetch(`${origin}/${name}`);
      expect(response.status).toBe(200);
      expect(JSON.parse(await response.text())).toBeTruthy();
    }
    expect((await fetch(`${origin}/search`)).status).toBe(200);
  });
});
