/**
 * The JavaScript budgets, as ratios measured in one run (absolute sizes and times move with the build and
 * the machine). `npm run bench:site` reports them; the browser suite guards what it can measure stably.
 */
export const JS_BUDGET = {
  /** JavaScript run to render a page with diagrams, against the lightest page without one. */
  diagramPageVsLightestProse: 1.1,
  /** JavaScript a page makes the browser fetch (its route prefetches included), against a stock Docusaurus docs page. */
  pageVsStock: 1.5,
} as const;

export const ratio = (value: number, reference: number) => (reference === 0 ? Number.POSITIVE_INFINITY : value / reference);
