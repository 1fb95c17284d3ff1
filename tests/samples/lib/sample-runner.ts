import { REPO_ROOT, type SampleFile } from "./discover.ts";
import type { Language } from "./languages.ts";
import { run, type RunResult } from "./run.ts";
import type { Tool } from "./tools.ts";

export interface SampleEnvironment {
  PROCESSOUT_PROJECT_ID: string;
  PROCESSOUT_PROJECT_SECRET: string;
  PROCESSOUT_API_URL: string;
}

/** The system tools running a sample needs (TypeScript runs on this Node with tsx). */
export const RUN_TOOLS: Partial<Record<Language, readonly Tool[]>> = {
  curl: ["bash", "curl"],
  typescript: [],
};

/** Runs a curl or TypeScript sample the way the page tells an integrator to, with the given environment. */
export function runSample(file: SampleFile, environment: SampleEnvironment): Promise<RunResult> {
  const env = { ...process.env, ...environment };
  switch (file.language) {
    case "typescript":
      // Equivalent to `npx tsx file.ts`, without npx's start-up cost.
      return run(process.execPath, ["--import", "tsx", file.path], { cwd: REPO_ROOT, env, timeoutMs: 30_000 });
    case "curl":
      return run("bash", [file.path], { cwd: REPO_ROOT, env, timeoutMs: 30_000 });
    default:
      throw new Error(`${file.relativePath}: the suite cannot run ${file.language} samples`);
  }
}

/** Parses a sample's stdout as JSON, with the output in the message when it is not JSON. */
export function parseJsonOutput(result: RunResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`The sample did not print JSON.\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
