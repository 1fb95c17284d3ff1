import type { AddressInfo } from 'node:net';
import { buildApp, type SandboxApp } from './app.ts';
import type { SandboxOptions } from './config.ts';
import type { Store } from './store/store.ts';

export { buildApp, type SandboxApp } from './app.ts';
export { DEFAULT_WEBHOOK_RETRY, type SandboxOptions, type WebhookRetryOptions } from './config.ts';
export { DEMO_PROJECT } from './demo.ts';
export { Store, type Project } from './store/store.ts';

export interface StartSandboxOptions extends SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the sandbox is for this machine only. */
  host?: string;
}

export interface RunningSandbox {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:4010 */
  url: string;
  close(): Promise<void>;
  app: SandboxApp;
  store: Store;
}

/** Starts the sandbox in-process (tests, scripts). */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const app = await buildApp(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const { port } = app.server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () => app.close(),
    app,
    store: app.store,
  };
}
