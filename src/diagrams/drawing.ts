/** How a page refers to a stored drawing; shared by the browser component and the build's HTML pass. */

/** The attribute naming the diagram (its store key) on the element that holds its drawing. */
export const DRAWING_ATTRIBUTE = 'data-diagram-drawing';

/** The stored SVG's URL path below the site's base URL (the store is static/diagrams/). */
export const drawingUrlPath = (key: string) => `/diagrams/${key}.svg`;
