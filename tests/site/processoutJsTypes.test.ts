import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclarationPath } from '../../src/plugins/sampleFullFiles';
import { launchChromium } from '../browser/lib/chromium';
import { SITE_DIR, suiteBuild } from '../browser/lib/siteBuild';
import { serveStatic, type StaticSite } from '../browser/lib/staticServer';
import { isInstalled, requireTool } from '../samples/lib/tools';

// ProcessOut publishes no types for ProcessOut.js; the browser samples are typechecked against
// samples/processout-js.d.ts, and the pages that show them offer readers that very file.
const DECLARATIONS = 'processout-js.d.ts';
const PAGES = ['/accept-apm-payments/list-apms', '/accept-apm-payments/send-the-customer-to-the-apm'];

let site: StaticSite;
let browser: Browser | undefined;

beforeAll(async () => {
  site = await serveStatic(await suiteBuild());
  if (isInstalled('chromium')) browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  // afterAll runs even when beforeAll failed part-way, before this was set.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  await site?.close();
});

async function servedBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('the ProcessOut.js type declarations', () => {
  it('are served by the built site at a stable address, identical to samples/processout-js.d.ts', async () => {
    const committed = await readFile(path.join(SITE_DIR, 'samples', DECLARATIONS));
    const served = await servedBytes(`${site.url}/${sampleDeclarationPath(DECLARATIONS)}`);
    expect(served.equals(committed)).toBe(true);
  });

  it.for(PAGES)('%s links to them', async (pagePath, context) => {
    requireTool(context, 'chromium');
    const page = await browser!.newPage();
    context.onTestFinished(() => page.close());
    await page.goto(`${site.url}${pagePath}`);
    const link = page.getByRole('link', { name: 'download the declaration file' });
    expect(await link.count()).toBe(1);
    const href = await link.evaluate((anchor) => (anchor as HTMLAnchorElement).href);
    expect(href).toBe(`${site.url}/${sampleDeclarationPath(DECLARATIONS)}`);
    // The page's Markdown twin links to the same address (not to Docusaurus's pathname:// form).
    const twin = await (await fetch(`${site.url}${pagePath}.md`)).text();
    expect(twin).toContain(`[download the declaration file](/${sampleDeclarationPath(DECLARATIONS)})`);
  });
});
