import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedent, extractCode, SampleRegionError } from '../../src/sample-files/regions';

const slashes = { commentToken: '//' } as const;
const hashes = { commentToken: '#' } as const;
const MARKER = /#(end)?region\b/;

describe('extractCode', () => {
  it('shows the only region of a file, dedented, without its markers', () => {
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

    const extracted = extractCode(source, slashes);

    expect(extracted.region).toBe('create-invoice');
    expect(extracted.code).toBe(
      ['const invoice = await client.post("/invoices", {', '  name: "Amazing item",', '});'].join('\n'),
    );
    expect(extracted.fullCode).toBe(
      [
        'async function main() {',
        '  const client = makeClient();',
        '  const invoice = await client.post("/invoices", {',
        '    name: "Amazing item",',
        '  });',
        '  console.log(invoice.id);',
        '}',
      ].join('\n'),
    );
  });

  it('dedents tab-indented Go and reads `# #region` markers in shell, Python and Ruby files', () => {
    const go = 'func main() {\n\t// #region call\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\t// #endregion\n}\n';
    expect(extractCode(go, slashes).code).toBe('if err != nil {\n\tpanic(err)\n}');

    const python = 'import os\n\ntry:\n    # #region create\n    invoice = create()\n    # #endregion\nexcept Error:\n    pass\n';
    expect(extractCode(python, hashes)).toMatchObject({ region: 'create', code: 'invoice = create()' });
  });

  it('picks the named region among several, and strips the markers of nested regions', () => {
    const source = [
      '# #region outer',
      'a = 1',
      '# #region inner',
      'b = 2',
      '# #endregion inner',
      '# #endregion',
      '# #region other',
      'c = 3',
      '# #endregion',
    ].join('\n');

    expect(extractCode(source, { ...hashes, region: 'outer' }).code).toBe('a = 1\nb = 2');
    expect(extractCode(source, { ...hashes, region: 'inner' }).code).toBe('b = 2');
    expect(extractCode(source, { ...hashes, region: 'other' }).code).toBe('c = 3');
  });

  it('shows the whole file when it has no region, or several and none is named', () => {
    const plain = '<?php\n\necho "hi";   \n\n\n';
    expect(extractCode(plain, slashes)).toEqual({ code: '<?php\n\necho "hi";', region: null, fullCode: '<?php\n\necho "hi";' });

    const two = '// #region a\nx();\n// #endregion\n// #region b\ny();\n// #endregion\n';
    expect(extractCode(two, slashes)).toMatchObject({ region: null, code: 'x();\ny();' });
  });

  it('leaves a marker written with the other language comment token alone', () => {
    // In a `#` language `// #region` is not a marker, so the file has no region at all.
    expect(extractCode('// #region a\nx = 1\n// #endregion\n', hashes).region).toBeNull();
  });

  it('names the available regions when the requested one is missing', () => {
    const source = '// #region create-invoice\nx();\n// #endregion\n';
    expect(() => extractCode(source, { ...slashes, region: 'capture' })).toThrow(
      new SampleRegionError('region "capture" not found (regions in this file: "create-invoice")'),
    );
    expect(() => extractCode('x();\n', { ...slashes, region: 'capture' })).toThrow(/regions in this file: none/);
  });

  it.each([
    ['an unclosed region', '// #region a\nx();\n', /line 1: region "a" is never closed/],
    ['a stray #endregion', 'x();\n// #endregion\n', /line 2: "#endregion" without a matching "#region"/],
    ['a region without a name', '// #region\nx();\n// #endregion\n', /line 1: "#region" needs a name/],
    ['a region defined twice', '// #region a\n// #endregion\n// #region a\n// #endregion\n', /line 3: region "a" is defined twice/],
    ['an #endregion naming another region', '// #region a\nx();\n// #endregion b\n', /closes region "a"/],
    ['an empty region', 'x();\n// #region a\n\n// #endregion\n', /region "a" is empty/],
  ])('rejects %s', (_case, source, message) => {
    expect(() => extractCode(source, slashes)).toThrow(message);
  });

  it('never lets a marker line through, whatever the regions', () => {
    // Random files: code lines mixed with well-nested, never empty regions, possibly indented.
    const codeLine = fc.stringMatching(/^[ \t]{0,2}[a-z(){};="]{1,12}$/);
    const block = (depth: number): fc.Arbitrary<string[]> => {
      const code = fc.array(codeLine, { minLength: 1, maxLength: 3 });
      if (depth === 0) return code;
      const region = fc
        .tuple(fc.constantFrom('  ', '\t', ''), block(depth - 1), fc.array(codeLine, { maxLength: 2 }))
        .map(([indent, inner, after]) => [`${indent}// #region r`, ...inner, `${indent}// #endregion`, ...after]);
      return fc.oneof(code, region);
    };
    fc.assert(
      fc.property(fc.array(block(3), { minLength: 1, maxLength: 4 }), (blocks) => {
        // Give every region a distinct name.
        let count = 0;
        const lines = blocks.flat().map((line) => line.replace('#region r', () => `#region r${count++}`));
        const source = lines.join('\n');
        const names = Array.from({ length: count }, (_, index) => `r${index}`);
        for (const region of [undefined, ...names]) {
          const extracted = extractCode(source, { ...slashes, region });
          for (const line of [...extracted.code.split('\n'), ...extracted.fullCode.split('\n')]) {
            expect(line).not.toMatch(MARKER);
          }
        }
      }),
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
