import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_ORIGINS, sandboxUrlFrom } from '../../src/site-config/tryIt.ts';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

/** The `--site-origin` values a package.json script passes to the sandbox. */
function siteOriginFlags(script: string): string[] {
  return [...script.matchAll(/--site-origin[ =](\S+)/g)].map((match) => match[1]!);
}

describe('"Try it" settings, the site\'s side', () => {
  it("npm run sandbox lets exactly the site's origins call the sandbox", () => {
    expect(siteOriginFlags(manifest.scripts.sandbox!)).toEqual([...SITE_ORIGINS]);
  });

  it('serves the site on the origins it names (npm run site and npm run serve use port 3000 on 127.0.0.1)', () => {
    for (const script of [manifest.scripts.site!, manifest.scripts.serve!]) expect(script).toMatch(/--port 3000 --host 127\.0\.0\.1/);
    expect(SITE_ORIGINS).toContain('http://127.0.0.1:3000');
  });

  it('calls the sandbox npm start runs unless SANDBOX_URL says otherwise', () => {
    expect(sandboxUrlFrom({})).toBe('http://127.0.0.1:4010');
    expect(sandboxUrlFrom({ SANDBOX_URL: 'https://sandbox.example:8443/' })).toBe('https://sandbox.example:8443');
  });
});
