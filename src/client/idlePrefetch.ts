/**
 * Route prefetching that costs the page little. Every internal link prefetches its route's chunks when it
 * scrolls into view (`window.docusaurus.prefetch`, from the link's IntersectionObserver callback), and the
 * callbacks of all the links visible on load run in one task. Docusaurus's own prefetch adds one
 * `<link rel=prefetch>` per chunk of every route the path matches, and with the docs at the site root every
 * path matches the three layout routes at `/`, each listing all of their chunks: about twenty elements a
 * route, nearly all for chunks the page has already run. On the APM page that was 280 elements, a 300 ms
 * task on a throttled phone, right when the page becomes interactive.
 *
 * This client module replaces that one function (hover and touch `preload` stay Docusaurus's): each chunk
 * is prefetched once, none the page has loaded, in idle periods. A link's hash and query name
 * no other chunks: `/a#b` is `/a`.
 */
import routes from '@generated/routes';
import routesChunkNames from '@generated/routesChunkNames';
import { matchPath } from '@docusaurus/router';
import type { ClientModule } from '@docusaurus/types';

/** Injected by Docusaurus's ChunkAssetPlugin (the bundler keeps the name): a chunk name's URL. */
declare const __webpack_require__: { gca(chunkName: string): string | undefined };

/** What matching reads of a route (the registry's routes nest through `routes`). */
interface RouteLike {
  readonly path?: string | string[];
  readonly exact?: boolean;
  readonly strict?: boolean;
  readonly routes?: readonly RouteLike[];
}
type ChunkNames = (typeof routesChunkNames)[string];

/** Docusaurus's own rule: a slow or data-saving connection prefetches nothing. */
function isSlowConnection(): boolean {
  const { connection } = navigator as Navigator & { connection?: { effectiveType?: string; saveData?: boolean } };
  return (connection?.effectiveType?.includes('2g') ?? false) || (connection?.saveData ?? false);
}

/** Runs `callback` in an idle period, told whether it may go on; Safari has no requestIdleCallback, a timer stands in. */
function whenIdle(callback: (hasTimeLeft: () => boolean) => void): void {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback((deadline) => callback(() => deadline.timeRemaining() > 1), { timeout: 2000 });
  } else {
    window.setTimeout(() => callback(() => false), 50);
  }
}

function routePathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** The route paths a pathname renders through, outermost first (react-router-config's matchRoutes). */
function matchedRoutePaths(candidates: readonly RouteLike[], pathname: string): string[] {
  const route = candidates.find((candidate) => matchPath(pathname, candidate));
  if (!route) return [];
  return [String(route.path), ...matchedRoutePaths(route.routes ?? [], pathname)];
}

function chunkNamesOf(names: ChunkNames): string[] {
  return Object.values(names).flatMap((value) => (typeof value === 'string' ? [value] : chunkNamesOf(value as ChunkNames)));
}

/** Every chunk of the routes at `routePath` (the registry keys them `<path>-<hash>`). */
function routeChunkNames(routePath: string): string[] {
  return Object.entries(routesChunkNames)
    .filter(([key]) => key.replace(/-[^-]+$/, '') === routePath)
    .flatMap(([, names]) => chunkNamesOf(names));
}

function idlePrefetch(): Window['docusaurus']['prefetch'] {
  const queuedRoutes = new Set<string>();
  const queue: string[] = [];
  // Absolute URLs. The scripts this page has loaded count as fetched: the bundler removes the elements of
  // the chunks it loaded, their resource timings stay.
  const fetchedChunks = new Set<string>();

  const prefetchRoute = (routePath: string) => {
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (entry.initiatorType === 'script') fetchedChunks.add(entry.name);
    }
    for (const chunkName of matchedRoutePaths(routes, routePath).flatMap(routeChunkNames)) {
      const asset = __webpack_require__.gca(chunkName);
      // A chunk the bundler merged into another has no file of its own.
      if (!asset || asset.includes('undefined')) continue;
      const url = new URL(asset, window.location.href).href;
      if (fetchedChunks.has(url)) continue;
      fetchedChunks.add(url);
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = url;
      document.head.appendChild(link);
    }
  };
  // At least one route per idle period, more while it lasts.
  const prefetchQueued = (hasTimeLeft: () => boolean) => {
    do {
      const routePath = queue.shift();
      if (routePath === undefined) return;
      prefetchRoute(routePath);
    } while (hasTimeLeft());
    if (queue.length > 0) whenIdle(prefetchQueued);
  };

  return (url) => {
    const routePath = routePathOf(url);
    if (routePath === '' || queuedRoutes.has(routePath) || isSlowConnection()) return false;
    queuedRoutes.add(routePath);
    queue.push(routePath);
    if (queue.length === 1) whenIdle(prefetchQueued);
    return Promise.resolve([]);
  };
}

let installed = false;

const clientModule: ClientModule = {
  // Runs in a layout effect of the first render, before any link's IntersectionObserver reports.
  onRouteDidUpdate() {
    if (installed) return;
    installed = true;
    // The object is frozen: replace it, keeping `preload` as it is.
    window.docusaurus = Object.freeze({ ...window.docusaurus, prefetch: idlePrefetch() });
  },
};

export default clientModule;
