// Proves each checker of the samples suite can fail: fed a known-bad snippet (most of them the defects
// of the published "APM prerequisites" samples), it must report it; fed a clean one, it must not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenContinuations } from './lib/duplicate-keys/curl.ts';
import { DUPLICATE_KEY_CHECKER_TOOL, findDuplicateKeys } from './lib/duplicate-keys/index.ts';
import type { SampleLanguageValue as Language } from '../../src/sample-files/index.ts';
import { FILE_CHECKS } from './lib/file-checks.ts';
import { requireTool } from './lib/tools.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'samples-checkers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The published snippets repeat return_url (web, then the mobile deep link) in one literal. */
const PUBLISHED_DUPLICATES: Record<Language, { snippet: string; key: string; line: number; firstLine: number }> = {
  typescript: {
    key: 'return_url',
    firstLine: 5,
    line: 7,
    snippet: `client.newInvoice().create({
  name: "Amazing item",
  amount: "4.99",
  currency: "USD",
  return_url: "https://www.super-merchant.com/return",
  // Or, if you're integrating with a deep link on mobile:
  return_url: "your.application.id://processout/return"
}).then(function(invoice) {}, function(err) {});
`,
  },
  python: {
    key: "'return_url'",
    firstLine: 5,
    line: 7,
    snippet: `invoice = client.new_invoice().create({
    "name": "Amazing item",
    "amount": "4.99",
    "currency": "USD",
    "return_url": "https://www.super-merchant.com/return",
    # Or, if you're integrating with a deep link on mobile:
    "return_url": "your.application.id://processout/return"
})
`,
  },
  ruby: {
    key: 'symbol return_url',
    firstLine: 5,
    line: 7,
    snippet: `invoice = client.invoice.create(
  name: "Amazing item",
  amount: "4.99",
  currency: "USD",
  return_url: "https://www.super-merchant.com/return",
  # Or, if you're integrating with a deep link on mobile:
  return_url: "your.application.id://processout/return"
)
`,
  },
  php: {
    key: 'string return_url',
    firstLine: 6,
    line: 8,
    snippet: `<?php
$invoice = $client->newInvoice()->create(array(
    "name" => "Amazing item",
    "amount" => "4.99",
    "currency" => "USD",
    "return_url" => "https://www.super-merchant.com/return",
    // Or, if you're integrating with a deep link on mobile:
    "return_url" => "your.application.id://processout/return",
));
`,
  },
  go: {
    key: 'ReturnURL',
    firstLine: 9,
    line: 11,
    snippet: `package main

func main() {
	iv, err := client.NewInvoice().Create(processout.InvoiceCreateParameters{
		Invoice: &processout.Invoice{
			Name:      processout.String("Amazing item"),
			Amount:    processout.String("4.99"),
			Currency:  processout.String("USD"),
			ReturnURL: processout.String("https://www.super-merchant.com/return"),
			// Or, if you're integrating with a deep link on mobile:
			ReturnURL: processout.String("your.application.id://processout/return"),
		},
	})
	_, _ = iv, err
}
`,
  },
  // The published curl sample loses its second return_url to a comment instead (see below), so
  // this one repeats the field the way a working script could.
  curl: {
    key: 'return_url',
    firstLine: 5,
    line: 6,
    snippet: `#!/usr/bin/env bash
curl -sS "$PROCESSOUT_API_URL/invoices" \\
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \\
  -d name="Amazing item" \\
  -d return_url="https://www.example.com/return" \\
  --data-urlencode return_url="your.application.id://processout/return"
`,
  },
};

const PUBLISHED_CURL = `curl https://api.processout.com/invoices \\
-u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \\
-d name="Amazing item" \\
-d amount="9.99" \\
-d currency=USD \\
-d return_url="https://www.super-merchant.com/return" \\
# Or, if you're integrating with a deep link on mobile:
-d return_url="your.application.id://processout/return"
`;

/** Literals that look alike but repeat nothing, so a checker that flags everything fails here. */
const CLEAN_SNIPPETS: Record<Language, string> = {
  typescript: `const a = { return_url: "x", nested: { return_url: "y" }, get value() { return 1; }, set value(v: number) {} };
const b = { ...a, return_url: "z" };`,
  python: `a = {"return_url": "x", "nested": {"return_url": "y"}}
b = dict(return_url="z", name="n")
c = {1: "one", "1": "string one"}`,
  ruby: `a = { return_url: "x", nested: { return_url: "y" } }
b = { "return_url" => "z", return_url: "symbol and string differ" }
f(a: 1, b: 2)`,
  php: `<?php
$a = ['return_url' => 'x', 'nested' => ['return_url' => 'y']];
$b = $a['return_url'];
foreach ($a as $key => $value) {}
$c = array('k' => fn ($v) => $v, 'other' => 1);`,
  go: `package main

var a = map[string]any{"return_url": "x", "nested": map[string]any{"return_url": "y"}}
var b = T{Name: 1, Inner: T{Name: 2}}
`,
  curl: `#!/usr/bin/env bash
curl -sS "$API/invoices" -d return_url="x" --data-urlencode expand[]=a --data-urlencode expand[]=b
curl -sS "$API/invoices" -d return_url="y"
`,
};

describe.each(Object.keys(PUBLISHED_DUPLICATES) as Language[])('duplicate-key checker for %s', (language) => {
  const tool = DUPLICATE_KEY_CHECKER_TOOL[language];
  const bad = PUBLISHED_DUPLICATES[language];

  it('reports the repeated return_url of the published sample, with its lines', async (context) => {
    if (tool) requireTool(context, tool);
    expect(await findDuplicateKeys(language, bad.snippet)).toEqual([{ key: bad.key, line: bad.line, firstLine: bad.firstLine }]);
  }, 120_000);

  it('reports nothing for similar literals without repeats', async (context) => {
    if (tool) requireTool(context, tool);
    expect(await findDuplicateKeys(language, CLEAN_SNIPPETS[language])).toEqual([]);
  }, 120_000);
});

describe('duplicate-key checkers, beyond literals', () => {
  it('python: reports a keyword argument given twice', async (context) => {
    requireTool(context, 'python3');
    const duplicates = await findDuplicateKeys('python', `create(name="a", return_url="x", return_url="y")\n`);
    expect(duplicates.map((duplicate) => duplicate.key)).toEqual(["'return_url'"]);
  });

  it("php: treats '1' and 1 as the same key, as PHP does", async (context) => {
    requireTool(context, 'php');
    const duplicates = await findDuplicateKeys('php', `<?php\n$a = [1 => 'a', '1' => 'b'];\n`);
    expect(duplicates.map((duplicate) => duplicate.key)).toEqual(['int 1']);
  });

  it('curl: reads -d a=1&b=2 as two fields and checks each curl command on its own', async (context) => {
    requireTool(context, 'bash');
    const duplicates = await findDuplicateKeys('curl', `curl -d 'a=1&b=2' -d b=3 "$URL"\ncurl -d a=4 "$URL"\n`);
    expect(duplicates.map((duplicate) => duplicate.key)).toEqual(['b']);
  });
});

describe('curl continuation checker', () => {
  it('reports the published sample, whose comment line ends the command early', () => {
    expect(findBrokenContinuations(PUBLISHED_CURL)).toEqual([{ line: 6, reason: 'continues into a comment, which ends the command' }]);
  });

  it('reports a continuation into a blank line, and accepts well-formed ones', () => {
    expect(findBrokenContinuations('curl \\\n\n  -d a=1\n')).toEqual([{ line: 1, reason: 'continues into a blank line' }]);
    expect(findBrokenContinuations("curl \\\n  -d a=1 \\\n  -d b=2\necho 'ends with \\\\'\n")).toEqual([]);
  });
});

/** Each file checker, fed a file it must reject. */
const FILE_CHECK_FAILURES: { label: string; extension: string; why: string; source: string }[] = [
  { label: 'passes bash -n', extension: 'sh', why: 'an unclosed quote', source: 'curl -d name="Amazing item\n' },
  { label: 'passes python3 -m py_compile', extension: 'py', why: 'a keyword argument given twice', source: 'create(name="a", name="b")\n' },
  {
    label: 'follows PEP 8 (pycodestyle, 72-column docstrings and comments)',
    extension: 'py',
    why: 'a 73-column comment and a missing space',
    source: `# ${'x'.repeat(71)}\nvalue=1\n`,
  },
  {
    label: 'passes ruby -wc without warnings',
    extension: 'rb',
    why: 'a warning (duplicated hash key)',
    source: 'x = { a: 1, a: 2 }\nputs x\n',
  },
  {
    label: 'passes php -l',
    extension: 'php',
    why: 'the published JS-style key inside array()',
    source: '<?php\n$gateways = $client->newGatewayConfiguration()->all(array(\n    "filter": "alternative-payment-methods",\n));\n',
  },
  {
    label: 'is gofmt-formatted (gofmt -l -e)',
    extension: 'go',
    why: 'code gofmt would reformat',
    source: 'package main\nfunc main() {\nprintln( 1 )\n}\n',
  },
];

const ALL_FILE_CHECKS = Object.values(FILE_CHECKS).flat();

it('has a failing example for every file checker', () => {
  expect(FILE_CHECK_FAILURES.map((failure) => failure.label).sort()).toEqual(ALL_FILE_CHECKS.map((check) => check.label).sort());
});

describe.each(FILE_CHECK_FAILURES)('file check “$label”', ({ label, extension, why, source }) => {
  it(`rejects ${why}`, async (context) => {
    const check = ALL_FILE_CHECKS.find((candidate) => candidate.label === label);
    if (!check) throw new Error(`No file check labelled ${label}`);
    requireTool(context, check.tool);
    const file = path.join(scratch, `bad-${ALL_FILE_CHECKS.indexOf(check)}.${extension}`);
    writeFileSync(file, source);
    expect(check.isClean(await check.check(file))).toBe(false);
  });
});
