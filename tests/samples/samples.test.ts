// Every folder under samples/ is one sample; every file in it is the same sample in one language.
// The suite discovers them, then holds each language to the same contract (stripe-samples style):
// static checks for all, and a real run against the in-process sandbox for curl and TypeScript.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@apm-docs/sandbox';
import { startValidatingProxy, type ValidatingProxy } from '../sdk-conformance/lib/validating-proxy.ts';
import { SAMPLE_EXPECTATIONS, type ExpectedInvoice, type SampleExpectation } from './expectations.ts';
import { discoverSamples, REPO_ROOT, SAMPLES_DIR } from './lib/discover.ts';
import { DUPLICATE_KEY_CHECKER_TOOL, findDuplicateKeys } from './lib/duplicate-keys/index.ts';
import { findBrokenContinuations } from './lib/duplicate-keys/curl.ts';
import { readRegion, sampleLanguage } from '../../src/sample-files/index.ts';
import { run } from './lib/run.ts';
import { sandboxApi, type SandboxApi } from './lib/sandbox-api.ts';
import { defineRunTests } from './lib/scenarios.ts';
import { FILE_CHECKS } from './lib/file-checks.ts';
import { defineResponseGoldenTest } from './lib/responses.ts';
import { RUN_TOOLS } from './lib/sample-runner.ts';
import { filesOfProject, findSampleProjects } from './lib/typescript-projects.ts';
import { requireTool } from './lib/tools.ts';
import { defineVerificationRecordTest, verifies } from './lib/verification.ts';

const folders = discoverSamples();
const CREDENTIAL_LITERAL = /test-proj_|key_sandbox_|key_test_|key_live_/;
/** What code in a web page must never touch: the secret key, or Node.js-only globals. */
const SERVER_ONLY = /PROCESSOUT_PROJECT_SECRET|process\.env|\bBuffer\b/;

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
/** Samples talk to the sandbox through it: every answer they get is held to decoding/schemas.json. */
let proxy: ValidatingProxy;
let api: SandboxApi;

beforeAll(async () => {
  // A short pending delay: pending payments settle within the tests' patience.
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', pendingDelayMs: 300 });
  proxy = await startValidatingProxy(sandbox.url);
  api = sandboxApi(sandbox.url);
});

// beforeAll may fail before it sets these: close only what it started.
/* eslint-disable @typescript-eslint/no-unnecessary-condition -- the types say "set" for the tests' sake */
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});
/* eslint-enable @typescript-eslint/no-unnecessary-condition */

const suite = { sandboxUrl: () => proxy.url, api: () => api };

/** The literal values a page must show for an invoice: its fields and metadata values. */
function shownValues(invoice: ExpectedInvoice): string[] {
  const { metadata, ...fields } = invoice;
  return [...Object.values(fields), ...Object.values(metadata ?? {})];
}

/** The names a TypeScript module exports, read with the compiler's parser. */
function exportedNames(source: string): string[] {
  const file = ts.createSourceFile('sample.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return file.statements.flatMap((statement) => {
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) return [];
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.map((declaration) => declaration.name.getText(file));
    return [];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('samples/ layout', () => {
  it('holds at least one sample', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it('has an expectation for every sample folder, and a folder for every expectation', () => {
    expect(folders.map((folder) => folder.name).sort()).toEqual(Object.keys(SAMPLE_EXPECTATIONS).sort());
  });
});

describe('TypeScript sample projects', () => {
  const projects = findSampleProjects(SAMPLES_DIR);
  const typeScriptFiles = folders.flatMap((folder) => folder.files.filter((file) => file.language === 'typescript'));

  it('puts every TypeScript sample in exactly one samples/tsconfig*.json', () => {
    const membership = typeScriptFiles.map((file) => ({
      file: file.relativePath,
      projects: projects.filter((project) => filesOfProject(project).includes(file.path)).map((project) => path.basename(project)),
    }));
    expect(membership.filter((entry) => entry.projects.length !== 1)).toEqual([]);
  });

  for (const project of projects) {
    const members = typeScriptFiles.filter((file) => filesOfProject(project).includes(file.path)).map((file) => file.relativePath);
    it(
      `${path.relative(REPO_ROOT, project)} typechecks (tsc --noEmit -p)`,
      { timeout: 120_000, ...verifies('typecheck', ...members) },
      async () => {
        const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
        const result = await run(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: REPO_ROOT, timeoutMs: 120_000 });
        expect(result.stdout + result.stderr).toBe('');
        expect(result.exitCode).toBe(0);
      },
    );
  }
});

// Folders run side by side (up to vitest's maxConcurrency): their checks mostly wait on child processes
// (interpreters, compilers, linters). Inside a folder everything stays in order, so the record test,
// last, sees every check of the folder finished.
describe.concurrent.each(folders.map((folder) => [folder.name, folder] as const))('samples/%s', (name, folder) => {
  const expectation: SampleExpectation | undefined = SAMPLE_EXPECTATIONS[name];

  it('has exactly one file per expected language and nothing else', { concurrent: false }, () => {
    expect(folder.problems).toEqual([]);
    expect(folder.files.map((file) => file.language).sort()).toEqual([...(expectation?.languages ?? [])].sort());
  });

  describe.each(folder.files.map((file) => [file.relativePath, file] as const))('%s', { concurrent: false }, (_relativePath, file) => {
    const source = readFileSync(file.path, 'utf8');

    it('takes credentials and its inputs from the environment only', () => {
      expect(source).not.toMatch(CREDENTIAL_LITERAL);
      for (const variable of expectation?.env ?? []) expect(source).toContain(variable);
    });

    if (expectation?.kind === 'browser-module') {
      it('never touches the secret key or Node.js-only APIs, as code in a web page', () => {
        expect(source).not.toMatch(SERVER_ONLY);
      });

      it(`exports ${expectation.exports.join(', ')}`, () => {
        expect(exportedNames(source)).toEqual(expect.arrayContaining([...expectation.exports]));
      });
    }

    it(`marks the part the page shows with one #region ${expectation?.region ?? ''}`, () => {
      expect(readRegion(source, sampleLanguage(file.language)).name).toBe(expectation?.region);
    });

    if (expectation?.kind === 'creates-invoice') {
      it('shows the expected invoice values in its region', () => {
        const region = readRegion(source, sampleLanguage(file.language)).code;
        for (const value of shownValues(expectation.invoice)) {
          // A quoted literal, a curl -d name=value, or a shell default ${VARIABLE:-value}.
          expect(region).toMatch(new RegExp(`(["'=]|:-)${escapeRegExp(value)}(["'\\s}]|$)`));
        }
      });
    }

    it(
      'repeats no key in a literal or a curl command',
      { timeout: 120_000, ...verifies('duplicate-keys', file.relativePath) },
      async (context) => {
        const tool = DUPLICATE_KEY_CHECKER_TOOL[file.language];
        if (tool) requireTool(context, tool);
        expect(await findDuplicateKeys(file.language, source)).toEqual([]);
      },
    );

    if (file.language === 'curl') {
      it(
        'does not break a backslash-continued command with a comment or blank line',
        verifies('curl-continuations', file.relativePath),
        () => {
          expect(findBrokenContinuations(source)).toEqual([]);
        },
      );
    }

    for (const fileCheck of FILE_CHECKS[file.language]) {
      it(fileCheck.label, verifies(fileCheck.id, file.relativePath), async (context) => {
        requireTool(context, fileCheck.tool);
        const result = await fileCheck.check(file.path);
        expect(fileCheck.isClean(result), `${result.stdout}\n${result.stderr}`).toBe(true);
      });
    }

    // Only curl and TypeScript run: the other SDKs cannot be installed in CI (see the README).
    if (expectation && RUN_TOOLS[file.language]) {
      describe('against the sandbox', verifies('run', file.relativePath), () => {
        defineRunTests(file, expectation, suite);
        defineResponseGoldenTest(file);
      });
    }
  });

  defineVerificationRecordTest(folder);
});

// Last, after every sample ran: what the samples were answered must decode in all five official SDKs.
describe('answers the samples received', () => {
  it('all decode in every official SDK and in the samples (shared/reference/sdk/decoding/schemas.json)', () => {
    console.info(`samples: ${proxy.validated()} answers validated against decoding/schemas.json`);
    expect(proxy.validated()).toBeGreaterThan(0);
    expect(proxy.violations()).toEqual([]);
  });
});
