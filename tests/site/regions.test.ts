import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedent, readRegion, sampleLanguage, SampleRegionError } from '../../src/sample-files/index';

const typescript = sampleLanguage('typescript');
const python = sampleLanguage('python');
const MARKER = /#(end)?region\b/;

describe('readRegion', () => {
  it('reads the one region of a file, dedented, and the whole file, both without the markers', () => {
    const source = [
      'async function main() {',
      '  const client = makeClient();',
      '  // #region create-invoice',
      '  const invoice = await client.post("/invoices", {',
      '    name: "Amazing item",',
      '  });',
      '  // #endregion',
      '  console.log(invoice.id);',
      '}',
      '',
    ].join('\n');

    expect(readRegion(source, typescript)).toEqual({
      name: 'create-invoice',
      line: 3,
      code: ['const invoice = await client.post("/invoices", {', '  name: "Amazing item",', '});'].join('\n'),
      fullCode: [
        'async function main() {',
        '  const client = makeClient();',
        '  const invoice = await client.post("/invoices", {',
        '    name: "Amazing item",',
        '  });',
        '  console.log(invoice.id);',
        '}',
      ].join('\n'),
    });
  });

  it('dedents tab-indented Go and reads `# #region` markers in shell, Python and Ruby files', () => {
    const go = 'func main() {\n\t// #region call\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\t// #endregion\n}\n';
    expect(readRegion(go, sampleLanguage('go')).code).toBe('if err != nil {\n\tpanic(err)\n}');

    const py = 'import os\n\ntry:\n    # #region create\n    invoice = create()\n    # #endregion\nexcept Error:\n    pass\n';
    expect(readRegion(py, python)).toMatchObject({ name: 'create', code: 'invoice = create()' });
    expect(readRegion('#!/usr/bin/env bash\r\n# #region call\r\ncurl -sS "$URL"   \r\n# #endregion\r\n', sampleLanguage('curl')).code).toBe(
      'curl -sS "$URL"',
    );
  });

  it.each([
    ['a file without a region', 'x();\n', /^no "\/\/ #region NAME" … "\/\/ #endregion" marks the part the page shows$/],
    [
      'a second region',
      '// #region a\nx();\n// #endregion\n// #region b\ny();\n// #endregion\n',
      /^line 4: a second "#region" \(a sample file has exactly one region\)$/,
    ],
    [
      'a nested region',
      '// #region outer\n// #region inner\nx();\n// #endregion\n// #endregion\n',
      /^line 2: a second "#region" \(a sample file has exactly one region\)$/,
    ],
    [
      'a second #endregion',
      '// #region a\nx();\n// #endregion\ny();\n// #endregion\n',
      /^line 5: "#endregion" without a "#region" before it$/,
    ],
    ['an unclosed region', 'a();\n// #region a\nx();\n', /^line 2: region "a" is never closed$/],
    ['a stray #endregion', 'x();\n// #endregion\n', /^line 2: "#endregion" without a "#region" before it$/],
    [
      'a region without a name',
      '// #region\nx();\n// #endregion\n',
      /^line 1: the region needs a name of lowercase words joined by hyphens/,
    ],
    ['a region name that is not kebab-case', '// #region Create_Invoice\nx();\n// #endregion\n', /^line 1: the region needs a name/],
    ['an #endregion with a name', '// #region a\nx();\n// #endregion a\n', /^line 3: "#endregion" takes no name$/],
    ['an empty region', 'x();\n// #region a\n\n// #endregion\n', /^line 2: region "a" is empty$/],
    [
      'a marker written with the other comment',
      'x();\n  # #region a\nx();\n# #endregion\n',
      /^line 2: write the marker as "\/\/ #region" in TypeScript$/,
    ],
  ])('rejects %s, naming the line', (_case, source, message) => {
    expect(() => readRegion(source, typescript)).toThrow(SampleRegionError);
    expect(() => readRegion(source, typescript)).toThrow(message);
  });

  it('rejects `// #region` in a language whose comments start with #', () => {
    expect(() => readRegion('// #region a\nx = 1\n// #endregion\n', python)).toThrow('line 1: write the marker as "# #region" in Python');
  });

  it('never lets a marker line through, and shows every code line of the region', () => {
    const codeLine = fc.stringMatching(/^[ \t]{0,2}[a-z(){};="]{1,12}$/);
    const lines = fc.array(codeLine, { maxLength: 4 });
    fc.assert(
      fc.property(
        lines,
        fc.array(codeLine, { minLength: 1, maxLength: 4 }),
        lines,
        fc.constantFrom('', '  ', '\t'),
        (before, inside, after, indent) => {
          const source = [...before, `${indent}// #region r`, ...inside, `${indent}// #endregion`, ...after].join('\n');
          const region = readRegion(source, typescript);
          for (const line of [...region.code.split('\n'), ...region.fullCode.split('\n')]) expect(line).not.toMatch(MARKER);
          expect(region.code.split('\n').map((line) => line.trim())).toEqual(inside.map((line) => line.trim()));
          expect(region.line).toBe(before.length + 1);
        },
      ),
    );
  });
});

describe('dedent', () => {
  it('removes only the whitespace every non-blank line shares', () => {
    expect(dedent(['    a', '', '      b', '    c'])).toEqual(['a', '', '  b', 'c']);
    expect(dedent(['\t\ta', '\tb'])).toEqual(['\ta', 'b']);
    // A tab and two spaces share nothing: nothing is removed.
    expect(dedent(['\ta', '  b'])).toEqual(['\ta', '  b']);
  });
});
