/**
 * Checks a configured public URL (`--public-url`, `publicUrl`): an http(s) origin such as
 * `https://sandbox.example:8443`, without path, query or credentials (the routes hang off the root).
 * Returns it without trailing slash; throws a readable Error otherwise.
 */
export function parsePublicUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`the public URL must be an http(s) origin such as https://sandbox.example:8443, got ${text}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`the public URL must be an http(s) origin such as https://sandbox.example:8443 (no path or query), got ${text}`);
  }
  return url;
}

export function absoluteUrl(origin: string, path: string | null): string | null {
  return path === null ? null : new URL(path, `${origin}/`).toString();
}
