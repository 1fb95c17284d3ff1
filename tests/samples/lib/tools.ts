import { spawnSync } from 'node:child_process';

/** System toolchains the suite shells out to, by the command it runs. */
export type Tool = 'bash' | 'curl' | 'python3' | 'pycodestyle' | 'mypy' | 'ruby' | 'php' | 'go' | 'gofmt' | 'chromium';

const availability = new Map<Tool, boolean>();

export function isInstalled(tool: Tool): boolean {
  let installed = availability.get(tool);
  if (installed === undefined) {
    installed = spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
    availability.set(tool, installed);
  }
  return installed;
}

interface SkippableContext {
  skip: (note?: string) => never;
}

/**
 * The one way a test skips itself: locally with "skipped: <reason>"; in CI (CI=true) it fails instead,
 * so a broken CI image or a vanished case cannot go green.
 */
export function skipOutsideCi(context: SkippableContext, reason: string): never {
  if (process.env.CI === 'true') {
    throw new Error(`${reason}, and CI=true runs every test (see .ci/run)`);
  }
  return context.skip(`skipped: ${reason}`);
}

/** Call at the top of a test that needs a system tool: skips it locally when the tool is missing, fails it in CI. */
export function requireTool(context: SkippableContext, tool: Tool): void {
  if (!isInstalled(tool)) skipOutsideCi(context, `${tool} not installed`);
}
