import { runInNewContext } from 'node:vm';

// Reading checkout pages the way a browser would: their CSP, their markup, their inline script.

/** CSP directives by name, e.g. { 'script-src': ["'nonce-…'"] }. */
export function cspDirectives(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/**
 * The page's markup skeleton: every tag with its attribute names, in order. An echoed value that
 * escaped its context (a new tag, a closed </script>, an attribute broken out of) changes it.
 */
export function markupSkeleton(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)].map((tag) => {
    const attributes = tag[2]!.replace(/"[^"]*"|'[^']*'/g, '""');
    return `${tag[1]!.toLowerCase()}(${[...attributes.matchAll(/([^\s"'=/]+)\s*=/g)].map((a) => a[1]).join(',')})`;
  });
}

/** Nonces carried by the <script> and <style> elements of the page. */
export function elementNonces(html: string): { scripts: (string | null)[]; styles: (string | null)[] } {
  const nonceOf = (tag: string) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? null;
  return {
    scripts: [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => nonceOf(m[0])),
    styles: [...html.matchAll(/<style\b[^>]*>/gi)].map((m) => nonceOf(m[0])),
  };
}

export interface ScriptEffects {
  posted?: { message: unknown; targetOrigin: unknown };
  navigatedTo?: unknown;
}

/** Runs the result page's inline script against a fake window (with or without an opener). */
export function resultScriptEffects(html: string, withOpener: boolean): ScriptEffects {
  const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (script === undefined) throw new Error('the result page has no inline script');
  const effects: ScriptEffects = {};
  const window = {
    opener: withOpener ? { postMessage: (message: unknown, targetOrigin: unknown) => (effects.posted = { message, targetOrigin }) } : null,
    close: () => undefined,
    location: { replace: (url: unknown) => (effects.navigatedTo = url) },
  };
  runInNewContext(script, { window }, { timeout: 1_000 });
  return effects;
}
