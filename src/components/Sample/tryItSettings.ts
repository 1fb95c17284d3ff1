/** What the "Try it" buttons need from the site config (`customFields.tryIt`, set in docusaurus.config.ts). */
export interface TryItSettings {
  /** The local sandbox, `http://127.0.0.1:4010` unless SANDBOX_URL was set at build time. */
  readonly sandboxUrl: string;
  /** The origins the sandbox accepts these requests from: the local site only. */
  readonly siteOrigins: readonly string[];
  /** The sandbox's seeded demo project, whose secret key is public and fake. */
  readonly demoProject: { readonly id: string; readonly secret: string };
}

export function isTryItSettings(value: unknown): value is TryItSettings {
  const settings = value as Partial<TryItSettings> | undefined;
  return (
    typeof settings?.sandboxUrl === 'string' &&
    Array.isArray(settings.siteOrigins) &&
    typeof settings.demoProject?.id === 'string' &&
    typeof settings.demoProject.secret === 'string'
  );
}
