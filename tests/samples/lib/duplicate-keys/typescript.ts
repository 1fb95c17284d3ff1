import ts from 'typescript';
import { findRepeats, type DuplicateKey } from './types.ts';

/** The comparable name of a property, or undefined when it is computed at run time. */
function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isNumericLiteral(name)) return String(Number(name.text));
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** Repeated keys in the object literals of a TypeScript source, found with the compiler's own parser. */
export function findTypeScriptDuplicateKeys(source: string): DuplicateKey[] {
  const file = ts.createSourceFile('sample.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const duplicates: DuplicateKey[] = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const named = node.properties.flatMap((property) => {
        if (ts.isSpreadAssignment(property)) return [];
        const name = propertyName(property.name);
        if (name === undefined) return [];
        // A getter and a setter may share a name; each may still appear only once.
        const prefix = ts.isGetAccessor(property) ? 'get ' : ts.isSetAccessor(property) ? 'set ' : '';
        return [{ name: prefix + name, line: lineOf(property) }];
      });
      duplicates.push(...findRepeats(named));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return duplicates;
}
