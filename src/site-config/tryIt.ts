/**
 * The site's side of "Try it": the origins this site is served on locally (`npm run site` and
 * `npm run serve`, port 3000) and the sandbox its buttons call. The sandbox knows nothing of the site:
 * `npm run sandbox` passes these origins as `--site-origin` flags (tests/site/tryIt.test.ts keeps
 * package.json's script in step with this list).
 */
export const SITE_ORIGINS = ['http://127.0.0.1:3000', 'http://localhost:3000'] as const;

/** The sandbox `npm start` runs, unless SANDBOX_URL says otherwise; no trailing slash. */
export function sandboxUrlFrom(env: { readonly SANDBOX_URL?: string }): string {
  return (env.SANDBOX_URL ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
}
