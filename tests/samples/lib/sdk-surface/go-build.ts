// Builds Go programs against the gopkg.in/processout.v5 stub in ./go (written from surface.md):
// one temporary module holds each program as its own package, with a replace directive to the stub,
// then go vet and go build run offline.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type RunResult } from '../run.ts';

export const GO_STUB_MODULE_DIR = fileURLToPath(new URL('go/processout.v5', import.meta.url));

// Offline: no proxy, no toolchain download, go.sum written as needed (a local replace needs no sums).
const OFFLINE_GO_ENV = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off' };

export interface GoBuildResult {
  vet: RunResult;
  build: RunResult;
  /** The vet and build output lines about each program, by the name it was given. */
  problems: Map<string, string[]>;
}

export async function buildAgainstStub(programs: ReadonlyMap<string, string>): Promise<GoBuildResult> {
  const moduleDir = mkdtempSync(path.join(os.tmpdir(), 'go-sdk-surface-'));
  writeFileSync(
    path.join(moduleDir, 'go.mod'),
    `module samplecheck\n\ngo 1.19\n\nrequire gopkg.in/processout.v5 v5.6.1\n\nreplace gopkg.in/processout.v5 => ${GO_STUB_MODULE_DIR}\n`,
  );
  for (const [name, source] of programs) {
    mkdirSync(path.join(moduleDir, name));
    writeFileSync(path.join(moduleDir, name, 'main.go'), source);
  }
  const options = { cwd: moduleDir, env: { ...process.env, ...OFFLINE_GO_ENV }, timeoutMs: 240_000 };
  let vet: RunResult;
  let build: RunResult;
  try {
    vet = await run('go', ['vet', './...'], options);
    // -o into a directory: several main packages, and no binary left next to the sources.
    build = await run('go', ['build', '-o', `${path.join(moduleDir, 'bin')}${path.sep}`, './...'], options);
  } finally {
    rmSync(moduleDir, { recursive: true, force: true });
  }
  const problems = new Map<string, string[]>();
  for (const line of `${vet.stderr}\n${build.stderr}`.split('\n')) {
    const name = /(?:^|\s|\.\/)([\w-]+)\/main\.go:\d+/.exec(line)?.[1];
    if (name && programs.has(name)) problems.set(name, [...(problems.get(name) ?? []), line.trim()]);
  }
  return { vet, build, problems };
}
