import { chromium, type Browser } from 'playwright-core';
import { isInstalled } from '../../samples/lib/tools.ts';

/** Debian's Chromium, installed by .ci/run: the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the browser tests can run here; each test still calls requireTool(context, "chromium"). */
export const chromiumInstalled = isInstalled('chromium');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
