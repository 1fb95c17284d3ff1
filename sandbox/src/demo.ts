/**
 * The seeded demo project. Obviously fake, documented and safe to publish: it only exists in this sandbox.
 */
export const DEMO_PROJECT = {
  id: 'test-proj_apmDocsLocalSandboxDemoProject01',
  secret: 'key_sandbox_apmDocsLocalSandboxDemoSecret000',
} as const;
