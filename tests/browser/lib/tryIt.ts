import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

/** Where the site's "Try it" buttons send requests, and the only page origins they send them from. */
export interface TryItTarget {
  readonly sandboxUrl: string;
  readonly siteOrigins: readonly string[];
}

/**
 * Read from the built bundle, where `docusaurus.config.ts` put it as `customFields.tryIt`: the values
 * baked in at build time (SANDBOX_URL) are the ones the page uses.
 */
export async function builtTryItTarget(buildDir: string): Promise<TryItTarget> {
  const jsDir = path.join(buildDir, 'assets', 'js');
  for (const file of (await readdir(jsDir)).filter((name) => name.startsWith('main.'))) {
    const code = await readFile(path.join(jsDir, file), 'utf8');
    const sandboxUrl = /"?sandboxUrl"?:"([^"]+)"/.exec(code)?.[1];
    const origins = /"?siteOrigins"?:\[([^\]]*)\]/.exec(code)?.[1];
    if (sandboxUrl && origins !== undefined) {
      return { sandboxUrl, siteOrigins: [...origins.matchAll(/"([^"]+)"/g)].map(([, origin = '']) => origin) };
    }
  }
  throw new Error('customFields.tryIt not found in the main bundle');
}

/** Answers every request to `fromOrigin` with the response `toBase` gives for the same path. */
export async function forwardOrigin(context: BrowserContext, fromOrigin: string, toBase: string): Promise<void> {
  await context.route(`${fromOrigin}/**`, async (route: Route) => {
    const { pathname, search } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${toBase}${pathname}${search}` }) });
  });
}
