/**
 * The drawing of a build-time diagram (see src/remark/mermaidDiagrams.ts). Its SVG is not in the page's
 * JavaScript: the build writes it into the HTML (src/plugins/inlineDiagrams.ts), and hydration keeps it,
 * since React leaves alone what an element's `dangerouslySetInnerHTML` holds when the value never changes.
 * Reached by a client-side navigation, the element starts empty and fetches the stored file.
 */
import React, { useEffect, useRef, type ReactNode } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { DRAWING_ATTRIBUTE, drawingUrlPath } from '@site/src/diagrams/drawing';

export default function DiagramDrawing({ diagram, scrollLabel }: { diagram: string; scrollLabel?: string }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const url = useBaseUrl(drawingUrlPath(diagram));

  useEffect(() => {
    const element = ref.current;
    if (!element || element.firstElementChild) return undefined;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${url}: HTTP ${response.status}`))))
      .then((svg) => {
        element.innerHTML = svg;
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.error('diagram drawing not loaded', error);
      });
    return () => controller.abort();
  }, [url]);

  const attributes = { [DRAWING_ATTRIBUTE]: diagram };
  return (
    <div
      ref={ref}
      className="diagram__drawing"
      {...attributes}
      {...(scrollLabel ? { role: 'region', tabIndex: 0, 'aria-label': scrollLabel } : {})}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: '' }}
    />
  );
}
