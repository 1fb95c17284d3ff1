import { spawnSync } from "node:child_process";

/** System toolchains the suite shells out to, by the command it runs. */
export type Tool = "bash" | "curl" | "python3" | "pycodestyle" | "mypy" | "ruby" | "php" | "go" | "gofmt" | "chromium";

const availability = new Map<Tool, boolean>();

export function isInstalled(tool: Tool): boolean {
  let installed = availability.get(tool);
  if (installed === undefined) {
    installed = spawnSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" }).status === 0;
    availability.set(tool, installed);
  }
  return installed;
}

interface SkippableContext {
  skip: (note?: string) => never;
}

/**
 * Call at the top of a test that needs a system tool. Locally a missing tool skips the test with
 * "skipped: <tool> not installed"; in CI (CI=true) it fails, so a broken CI image cannot go green.
 */
export function requireTool(context: SkippableContext, tool: Tool): void {
  if (isInstalled(tool)) return;
  if (process.env.CI === "true") {
    throw new Error(`${tool} is not installed, and CI=true requires it (see .ci/run)`);
  }
  context.skip(`skipped: ${tool} not installed`);
}
