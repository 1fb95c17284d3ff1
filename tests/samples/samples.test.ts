// Every folder under samples/ is one sample; every file in it is the same sample in one language.
// The suite discovers them, then holds each language to the same contract (stripe-samples style):
// static checks for all, and a real run against the in-process sandbox for curl and TypeScript.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROJECT, startSandbox } from "../../sandbox/src/index.ts";
import { SAMPLE_EXPECTATIONS, type SampleExpectation } from "./expectations.ts";
import { discoverSamples, REPO_ROOT, SAMPLES_DIR, type SampleFile } from "./lib/discover.ts";
import { DUPLICATE_KEY_CHECKER_TOOL, findDuplicateKeys } from "./lib/duplicate-keys/index.ts";
import { findBrokenContinuations } from "./lib/duplicate-keys/curl.ts";
import { readRegion } from "./lib/regions.ts";
import { run } from "./lib/run.ts";
import { parseJsonOutput, RUN_TOOLS, runSample, type SampleEnvironment } from "./lib/sample-runner.ts";
import { FILE_CHECKS } from "./lib/file-checks.ts";
import { filesOfProject, findSampleProjects } from "./lib/typescript-projects.ts";
import { requireTool } from "./lib/tools.ts";

const folders = discoverSamples();
const CREDENTIAL_LITERAL = /test-proj_|key_sandbox_|key_test_|key_live_/;
const REQUIRED_ENV = ["PROCESSOUT_PROJECT_ID", "PROCESSOUT_PROJECT_SECRET", "PROCESSOUT_API_URL"];

let sandbox: Awaited<ReturnType<typeof startSandbox>>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ":memory:" });
});

afterAll(async () => {
  await sandbox?.close();
});

function demoEnvironment(overrides: Partial<SampleEnvironment> = {}): SampleEnvironment {
  return {
    PROCESSOUT_PROJECT_ID: DEMO_PROJECT.id,
    PROCESSOUT_PROJECT_SECRET: DEMO_PROJECT.secret,
    PROCESSOUT_API_URL: sandbox.url,
    ...overrides,
  };
}

/** Reads an invoice back from the sandbox with the demo credentials, independently of the sample. */
async function fetchInvoice(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}/invoices/${encodeURIComponent(id)}`, {
    headers: { Authorization: `Basic ${Buffer.from(`${DEMO_PROJECT.id}:${DEMO_PROJECT.secret}`).toString("base64")}` },
  });
  const body = (await response.json()) as { success: boolean; invoice: Record<string, unknown> };
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.success).toBe(true);
  return body.invoice;
}

/** curl samples print the API's answer as is; TypeScript samples print the resource they asked for. */
function invoiceFromOutput(file: SampleFile, output: unknown): Record<string, unknown> {
  if (file.language !== "curl") return output as Record<string, unknown>;
  expect(output).toMatchObject({ success: true, invoice: expect.any(Object) });
  return (output as { invoice: Record<string, unknown> }).invoice;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("samples/ layout", () => {
  it("holds at least one sample", () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it("has an expectation for every sample folder, and a folder for every expectation", () => {
    expect(folders.map((folder) => folder.name).sort()).toEqual(Object.keys(SAMPLE_EXPECTATIONS).sort());
  });
});

describe("TypeScript sample projects", () => {
  const projects = findSampleProjects(SAMPLES_DIR);
  const typeScriptFiles = folders.flatMap((folder) => folder.files.filter((file) => file.language === "typescript"));

  it("puts every TypeScript sample in exactly one samples/tsconfig*.json", () => {
    const membership = typeScriptFiles.map((file) => ({
      file: file.relativePath,
      projects: projects.filter((project) => filesOfProject(project).includes(file.path)).map((project) => path.basename(project)),
    }));
    expect(membership.filter((entry) => entry.projects.length !== 1)).toEqual([]);
  });

  it.each(projects.map((project) => path.relative(REPO_ROOT, project)))("%s typechecks (tsc --noEmit -p)", async (project) => {
    const tsc = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
    const result = await run(process.execPath, [tsc, "--noEmit", "-p", project], { cwd: REPO_ROOT, timeoutMs: 120_000 });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  }, 120_000);
});

describe.each(folders.map((folder) => [folder.name, folder] as const))("samples/%s", (name, folder) => {
  const expectation: SampleExpectation | undefined = SAMPLE_EXPECTATIONS[name];

  it("has exactly one file per expected language and nothing else", () => {
    expect(folder.problems).toEqual([]);
    expect(folder.files.map((file) => file.language).sort()).toEqual([...(expectation?.languages ?? [])].sort());
  });

  describe.each(folder.files.map((file) => [file.relativePath, file] as const))("%s", (_relativePath, file) => {
    const source = readFileSync(file.path, "utf8");

    it("takes credentials and the API URL from the environment only", () => {
      expect(source).not.toMatch(CREDENTIAL_LITERAL);
      for (const variable of REQUIRED_ENV) expect(source).toContain(variable);
    });

    it(`marks the part the page shows with one #region ${expectation?.region ?? ""}`, () => {
      expect(readRegion(source, file.language)?.name).toBe(expectation?.region);
    });

    if (expectation?.kind === "creates-invoice") {
      it("shows the expected invoice values in its region", () => {
        const region = readRegion(source, file.language)?.text ?? "";
        for (const value of Object.values(expectation.invoice)) {
          // A quoted literal, or a curl -d name=value.
          expect(region).toMatch(new RegExp(`["'=]${escapeRegExp(value)}(["'\\s]|$)`));
        }
      });
    }

    it("repeats no key in a literal or a curl command", async (context) => {
      const tool = DUPLICATE_KEY_CHECKER_TOOL[file.language];
      if (tool) requireTool(context, tool);
      expect(await findDuplicateKeys(file.language, source)).toEqual([]);
    }, 120_000);

    if (file.language === "curl") {
      it("does not break a backslash-continued command with a comment or blank line", () => {
        expect(findBrokenContinuations(source)).toEqual([]);
      });
    }

    for (const fileCheck of FILE_CHECKS[file.language]) {
      it(fileCheck.label, async (context) => {
        requireTool(context, fileCheck.tool);
        const result = await fileCheck.check(file.path);
        expect(fileCheck.isClean(result), `${result.stdout}\n${result.stderr}`).toBe(true);
      });
    }

    // Only curl and TypeScript run: the other SDKs cannot be installed in CI (see the README).
    const runTools = RUN_TOOLS[file.language];
    if (!runTools) return;

    if (expectation?.kind === "creates-invoice") {
      it("creates the expected invoice in the sandbox", async (context) => {
        for (const tool of runTools) requireTool(context, tool);
        const result = await runSample(file, demoEnvironment());
        expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
        const printed = invoiceFromOutput(file, parseJsonOutput(result));
        expect(printed).toMatchObject({ id: expect.stringMatching(/^iv_/), ...expectation.invoice });

        const stored = await fetchInvoice(String(printed.id));
        expect(stored).toMatchObject({ id: printed.id, ...expectation.invoice });
      }, 60_000);
    }

    if (expectation?.kind === "checks-credentials") {
      it("confirms the demo credentials against the sandbox", async (context) => {
        for (const tool of runTools) requireTool(context, tool);
        const result = await runSample(file, demoEnvironment());
        expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
        expect(parseJsonOutput(result)).toMatchObject({ success: true });
      }, 60_000);
    }

    it("exits non-zero with the API's error_type when the secret is wrong", async (context) => {
      for (const tool of runTools) requireTool(context, tool);
      const result = await runSample(file, demoEnvironment({ PROCESSOUT_PROJECT_SECRET: "not-the-project-secret" }));
      expect(result.exitCode).not.toBe(0);
      expect(result.stdout + result.stderr).toContain("request.authentication.invalid");
    }, 60_000);
  });
});
