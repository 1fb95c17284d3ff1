/** Timestamps in the API's format (RFC 3339, UTC, with fraction). */
export function nowIso(): string {
  return new Date().toISOString();
}
