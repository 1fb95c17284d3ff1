// The Python, Ruby, PHP and Go samples checked against what the official SDKs really offer, without
// installing them: the facts are /work/shared/reference/sdk (surface.md, README.md), read at test time.
// - Python: mypy --strict against processout stubs written from surface.md (lib/sdk-surface/python).
// - Go: go vet + go build against a gopkg.in/processout.v5 stub module (lib/sdk-surface/go).
// - PHP, Ruby: every SDK class and method a sample calls, with its arity, must be in surface.md.
// - All four: the header names the SDK version the facts were taken from, with its install command.
// Each checker also gets a fixture it must reject, next to a correct twin it must accept.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { phpSurface, rubySurface, type CallSurface } from './lib/sdk-surface/call-surface.ts';
import { buildAgainstStub, type GoBuildResult } from './lib/sdk-surface/go-build.ts';
import { mypyStrict, type MypyResult } from './lib/sdk-surface/mypy.ts';
import { REPO_ROOT, sampleFiles } from './lib/sdk-surface/reference.ts';
import { checkSdkCalls } from './lib/sdk-surface/sdk-calls.ts';
import { headerProblems, referenceVersions, SDK_HEADER_RULES, type SdkLanguage } from './lib/sdk-surface/versions.ts';
import { requireTool } from './lib/tools.ts';
import { SDK_SURFACE_RECORD_FILE } from '../../src/sample-files/verification.ts';
import { discoverSamples } from './lib/discover.ts';
import { defineVerificationRecordTests, verifies } from './lib/verification.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sdk-surface-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `compute` once, on first use: one mypy or go run serves every test of a describe. */
function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= compute());
}

describe('Python samples: mypy --strict against the processout 7.3.0 stubs', () => {
  const files = sampleFiles('py');
  const samplesRun = once(() => mypyStrict(files.map((file) => file.path)));

  it('finds the Python samples', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file.relativePath} typechecks`, { timeout: 240_000, ...verifies('mypy', file.relativePath) }, async (context) => {
      requireTool(context, 'mypy');
      const result = await samplesRun();
      expect(result.errors.get(file.path) ?? [], result.output).toEqual([]);
    });
  }

  it('runs clean as a whole (stubs included)', { timeout: 240_000 }, async (context) => {
    requireTool(context, 'mypy');
    const result = await samplesRun();
    expect(result.exitCode, result.output).toBe(0);
  });

  const PRELUDE = 'import processout\n\nclient = processout.ProcessOut("id", "secret")\ninvoice = client.new_invoice().find("iv_1")\n';
  const FIXTURES: Record<string, { source: string; error: RegExp | null }> = {
    // The defect of issue 9: capture returns (Transaction, CustomerAction) since processout 7.0.0.
    'capture-as-transaction': {
      source: `${PRELUDE}transaction = invoice.capture("gway_req_1")\nprint(transaction.status)\n`,
      error: /has no attribute "status"/,
    },
    'authorize-as-transaction': {
      source: `${PRELUDE}transaction = invoice.authorize("gway_req_1")\nprint(transaction.id)\n`,
      error: /has no attribute "id"/,
    },
    'capture-unpacked': {
      source: `${PRELUDE}transaction, _action = invoice.capture("gway_req_1")\nprint(transaction.status)\n`,
      error: null,
    },
    'misspelt-method': { source: `${PRELUDE}print(invoice.captur("gway_req_1"))\n`, error: /has no attribute "captur"/ },
    'wrong-arity': { source: `${PRELUDE}print(invoice.capture())\n`, error: /Missing positional argument "source"/ },
  };
  const fixturesRun = once(() => {
    const paths = Object.keys(FIXTURES).map((name) => path.join(scratch, `${name.replaceAll('-', '_')}.py`));
    Object.values(FIXTURES).forEach(({ source }, index) => writeFileSync(paths[index] ?? '', source));
    return mypyStrict(paths).then((result) => ({ result, paths }));
  });

  Object.entries(FIXTURES).forEach(([name, { error }], index) => {
    it(`${error ? 'rejects' : 'accepts'} the fixture ${name}`, { timeout: 240_000 }, async (context) => {
      requireTool(context, 'mypy');
      const { result, paths }: { result: MypyResult; paths: string[] } = await fixturesRun();
      const errors = result.errors.get(paths[index] ?? '') ?? [];
      if (error) expect(errors.join('\n'), result.output).toMatch(error);
      else expect(errors, result.output).toEqual([]);
    });
  });
});

describe('Go samples: go vet + go build against the gopkg.in/processout.v5 v5.6.1 stub', () => {
  const files = sampleFiles('go');
  const programName = (relativePath: string) => path.basename(relativePath, '.go');
  const samplesRun = once(() =>
    buildAgainstStub(new Map(files.map((file) => [programName(file.relativePath), readFileSync(file.path, 'utf8')]))),
  );

  it('finds the Go samples', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file.relativePath} vets and builds`, { timeout: 240_000, ...verifies('go-build', file.relativePath) }, async (context) => {
      requireTool(context, 'go');
      const result = await samplesRun();
      expect(result.problems.get(programName(file.relativePath)) ?? [], result.vet.stderr + result.build.stderr).toEqual([]);
    });
  }

  it('vets and builds as a whole (stub included)', { timeout: 240_000 }, async (context) => {
    requireTool(context, 'go');
    const { vet, build }: GoBuildResult = await samplesRun();
    expect([vet.exitCode, build.exitCode], vet.stderr + build.stderr).toEqual([0, 0]);
  });

  const program = (body: string, imports = '') =>
    `package main\n\nimport (\n\t"fmt"\n\n\t"gopkg.in/processout.v5"${imports}\n)\n\nfunc main() {\n\tiv := processout.New("id", "secret").NewInvoice()\n${body}}\n`;
  const FIXTURES: Record<string, { source: string; error: RegExp | null }> = {
    // v4.x's shape: Capture returns three values since v5.0.0.
    'two-value-capture': {
      source: program('\ttransaction, err := iv.Capture("gway_req_1")\n\tfmt.Println(transaction, err)\n'),
      error: /cannot initialize 2 variables with 3 values|assignment mismatch/,
    },
    'three-value-capture': {
      source: program(
        '\ttransaction, _, err := iv.Capture("gway_req_1")\n\tif coded, ok := err.(errors.CodedError); ok {\n\t\tfmt.Println(coded.Code())\n\t}\n\tfmt.Println(transaction.GetID())\n',
        '\n\t"gopkg.in/processout.v5/errors"',
      ),
      error: null,
    },
    'misspelt-method': {
      source: program('\t_, _, err := iv.Captur("gway_req_1")\n\tfmt.Println(err)\n'),
      error: /has no field or method Captur/,
    },
    'wrong-arity': { source: program('\t_, err := iv.Find()\n\tfmt.Println(err)\n'), error: /not enough arguments in call to iv\.Find/ },
    // err.Error() is the message only: the error_type needs the errors package's CodedError.
    'code-on-error': {
      source: program('\t_, _, err := iv.Capture("gway_req_1")\n\tfmt.Println(err.Code())\n'),
      error: /err\.Code undefined/,
    },
  };
  // err.Error() is only the message (surface.md, Go errors): a sample that reports an SDK error with
  // log.<X>f must also print its Code(), read through errors.CodedError.
  for (const file of files) {
    const source = readFileSync(file.path, 'utf8');
    if (!SDK_HEADER_RULES.go.usesSdk.test(source)) continue;
    it(`${file.relativePath} prints the error_type of every SDK error it reports`, () => {
      const reported = source.split('\n').filter((line) => /\blog\.\w+f\(.*\berr\)$/.test(line.trim()));
      if (reported.length === 0) return;
      expect(source).toMatch(/err\.\(errors\.CodedError\)/);
      expect(reported.filter((line) => !line.includes('errorType(err)'))).toEqual([]);
    });
  }

  const fixturesRun = once(() => buildAgainstStub(new Map(Object.entries(FIXTURES).map(([name, { source }]) => [name, source]))));

  for (const [name, { error }] of Object.entries(FIXTURES)) {
    it(`${error ? 'rejects' : 'accepts'} the fixture ${name}`, { timeout: 240_000 }, async (context) => {
      requireTool(context, 'go');
      const result = await fixturesRun();
      const problems = result.problems.get(name) ?? [];
      if (error) expect(problems.join('\n'), result.vet.stderr + result.build.stderr).toMatch(error);
      else expect(problems, result.vet.stderr + result.build.stderr).toEqual([]);
    });
  }
});

const CALL_CHECKS: {
  language: 'php' | 'ruby';
  extension: 'php' | 'rb';
  surface: () => CallSurface;
  fixtures: Record<string, { source: string; error: RegExp | null }>;
}[] = [
  {
    language: 'php',
    extension: 'php',
    surface: phpSurface,
    fixtures: (() => {
      const prelude =
        "<?php\nuse ProcessOut\\ProcessOut;\n$client = new ProcessOut('id', 'secret');\n$invoice = $client->newInvoice()->find('iv_1');\n";
      return {
        'capture-transaction': {
          source: `${prelude}$transaction = $invoice->capture('gway_req_1')->transaction;\necho $transaction->getStatus();\n`,
          error: null,
        },
        'misspelt-method': {
          source: `${prelude}$transaction = $invoice->captrue('gway_req_1')->transaction;\n`,
          error: /ProcessOut\\Invoice::captrue is not in surface\.md/,
        },
        'wrong-arity': {
          source: `${prelude}$other = $client->newInvoice()->find();\n`,
          error: /ProcessOut\\Invoice::find takes 1\.\.2 arguments, given 0/,
        },
        'capture-as-transaction': {
          source: `${prelude}$transaction = $invoice->capture('gway_req_1');\necho $transaction->getStatus();\n`,
          error: /getStatus\(\) is called on a \\stdClass/,
        },
        'misspelt-class': {
          source: '<?php\nuse ProcessOut\\Exceptions\\NotFoundExeption;\n',
          error: /ProcessOut\\Exceptions\\NotFoundExeption is not an SDK class/,
        },
        'misspelt-error-method': {
          source: `${prelude}try {\n} catch (\\ProcessOut\\Exceptions\\NotFoundException $e) {\n    echo $e->getErrorType();\n}\n`,
          error: /NotFoundException::getErrorType is not in surface\.md/,
        },
      };
    })(),
  },
  {
    language: 'ruby',
    extension: 'rb',
    surface: rubySurface,
    fixtures: (() => {
      const prelude = 'client = ProcessOut::Client.new("id", "secret")\ninvoice = client.invoice.find("iv_1")\n';
      return {
        'capture-unpacked': {
          source: `${prelude}transaction, _customer_action = invoice.capture("gway_req_1")\nputs transaction.status\n`,
          error: null,
        },
        'misspelt-method': {
          source: `${prelude}transaction, = invoice.captur("gway_req_1")\n`,
          error: /ProcessOut::Invoice#captur is not in surface\.md/,
        },
        'wrong-arity': {
          source: `${prelude}other = client.invoice.find\nputs other\n`,
          error: /ProcessOut::Invoice#find takes 1\.\.2 arguments, given 0/,
        },
        'capture-as-transaction': {
          source: `${prelude}transaction = invoice.capture("gway_req_1")\nputs transaction.status\n`,
          error: /status\(\) is called on an Array \[ProcessOut::Transaction, ProcessOut::CustomerAction\]/,
        },
        'misspelt-class': { source: 'client = ProcessOut::Clinet.new("id", "secret")\n', error: /ProcessOut::Clinet is not an SDK class/ },
        'misspelt-reader': {
          source: `${prelude}transaction, = invoice.capture("gway_req_1")\nputs transaction.error_type\n`,
          error: /ProcessOut::Transaction#error_type is not in surface\.md/,
        },
      };
    })(),
  },
];

describe.each(CALL_CHECKS)('$language samples: SDK calls and arity against surface.md', ({ language, extension, surface, fixtures }) => {
  const files = sampleFiles(extension);
  const rule = SDK_HEADER_RULES[extension];

  it('finds the samples, and parses the surface', () => {
    expect(files.length).toBeGreaterThan(0);
    const invoice = surface().classes.get(`${surface().namespace}Invoice`);
    expect(invoice?.methods.get('capture')).toMatchObject({ minArgs: 1, maxArgs: 2 });
  });

  for (const file of files) {
    it(`${file.relativePath} calls only what surface.md has`, verifies('sdk-surface', file.relativePath), async (context) => {
      requireTool(context, language);
      const source = readFileSync(file.path, 'utf8');
      const report = await checkSdkCalls(surface(), source);
      expect(report.findings).toEqual([]);
      // A sample that uses the SDK must have calls the checker saw: an empty parse cannot pass.
      if (rule.usesSdk.test(source)) expect(report.checked.length).toBeGreaterThan(0);
    });
  }

  for (const [name, { source, error }] of Object.entries(fixtures)) {
    it(`${error ? 'rejects' : 'accepts'} the fixture ${name}`, async (context) => {
      requireTool(context, language);
      const { findings, checked } = await checkSdkCalls(surface(), source);
      if (error) expect(findings.map((finding) => finding.message).join('\n')).toMatch(error);
      else {
        expect(findings).toEqual([]);
        expect(checked.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('SDK versions: what the facts were taken from', () => {
  const versions = referenceVersions();
  const languages = Object.keys(SDK_HEADER_RULES) as SdkLanguage[];

  it("reads the version of each SDK from the reference README's table", () => {
    for (const language of languages) expect(versions.get(SDK_HEADER_RULES[language].sdk), language).toMatch(/^v?\d+\.\d+\.\d+$/);
  });

  for (const language of languages) {
    for (const file of sampleFiles(language)) {
      it(`${file.relativePath} names the SDK version and its install command in its header`, () => {
        const source = readFileSync(file.path, 'utf8');
        expect(headerProblems(language, source, versions.get(SDK_HEADER_RULES[language].sdk) ?? '?')).toEqual([]);
      });
    }
  }

  it("the Set up page's install commands pin the same versions", () => {
    const page = readFileSync(path.join(REPO_ROOT, 'docs/set-up-your-environment.mdx'), 'utf8');
    for (const language of languages) {
      const rule = SDK_HEADER_RULES[language];
      expect(rule.install.exec(page)?.[1], `${rule.sdk} install command`).toBe(versions.get(rule.sdk));
    }
  });

  it('rejects a header with another version, or none', () => {
    const sample = readFileSync(path.join(REPO_ROOT, 'samples/create-invoice/create-invoice.py'), 'utf8');
    expect(headerProblems('py', sample.replace('processout==7.3.0', 'processout==7.2.0'), '7.3.0')).toEqual([
      'the install command pins 7.2.0, the facts are from 7.3.0',
    ]);
    expect(headerProblems('py', sample.replace(/^Written for .*\n/m, ''), '7.3.0')).toHaveLength(1);
    expect(
      headerProblems(
        'go',
        '// Written for gopkg.in/processout.v5 v5.6.0: go get gopkg.in/processout.v5@v5.6.0\npackage main\n\nimport (\n\t"gopkg.in/processout.v5"\n)\n',
        'v5.6.1',
      ),
    ).toHaveLength(2);
  });
});

// What these checks did with each file, for its tab's badge (samples/<name>/.verified.sdk.json).
defineVerificationRecordTests(discoverSamples(), SDK_SURFACE_RECORD_FILE);
