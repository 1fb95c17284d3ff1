/** Building blocks for remark plugins that add JSX elements to an MDX page. */
import type { Program } from 'estree';
import type { BlockContent, PhrasingContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { valueToEstree } from 'estree-util-value-to-estree';

/** A JSX attribute holding any JSON-like value, e.g. `tabs={[…]}`. */
export function expressionAttribute(name: string, value: unknown): MdxJsxAttribute {
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression: valueToEstree(value) }],
  };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value), data: { estree: program } },
  };
}

type AttributeValue = string | number | boolean | { readonly expression: unknown } | undefined;

/**
 * An HTML element as MDX JSX: `element('li', { className: 'x' }, [text('…')])`. Strings and numbers become
 * plain attributes, `{ expression: v }` an expression attribute; `undefined` and `false` are left out.
 */
export function element(
  name: string,
  attributes: Record<string, AttributeValue>,
  children: (BlockContent | PhrasingContent)[] = [],
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).flatMap(([key, value]): MdxJsxAttribute[] => {
      if (value === undefined || value === false) return [];
      if (typeof value === 'object') return [expressionAttribute(key, value.expression)];
      return [{ type: 'mdxJsxAttribute', name: key, value: value === true ? null : String(value) }];
    }),
    children: children as MdxJsxFlowElement['children'],
  };
}

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
