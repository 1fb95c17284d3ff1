#!/usr/bin/env -S node --max-semi-space-size=2
// `processout-sandbox`, what `npm run sandbox` runs. It bundles src/cli.ts with esbuild (about 0.2 s) and runs
// the bundle in plain Node: run through tsx instead, a long-lived sandbox keeps tsx's loader thread, ~40 MB.
// The 2 MB young generation (V8 grows it to 16 MB) keeps a busy sandbox near 130 MB instead of 170 MB.
// Tests and benchmarks that spawn the CLI read these node flags from this line (src/testing.ts).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// Beside the sources, so the one file read relative to its module (routes/processout-js.ts) resolves alike;
// one bundle per process, since several sandboxes may start at once. It is deleted once loaded (the import
// resolves when the sandbox listens), so a sandbox killed with SIGKILL later leaves nothing behind.
const bundle = new URL(`../src/.build/cli-${process.pid}.mjs`, import.meta.url);
const removeBundle = () => rmSync(bundle, { force: true });
process.on('exit', removeBundle);
await build({
  entryPoints: [fileURLToPath(new URL('../src/cli.ts', import.meta.url))],
  outfile: fileURLToPath(bundle),
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
await import(bundle.href);
removeBundle();
