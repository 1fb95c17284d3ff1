import { isIP, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { buildApp, type SandboxApp } from './app.ts';
import { parsePublicUrl } from './lib/public-url.ts';
import { ensureTlsFiles } from './lib/tls.ts';
import type { SandboxOptions } from './config.ts';
import type { Store } from './store/store.ts';

export { buildApp, type SandboxApp } from './app.ts';
export {
  DEFAULT_TIMEOUTS,
  DEFAULT_WEBHOOK_RETRY,
  type SandboxOptions,
  type TransportTimeouts,
  type WebhookRetryOptions,
} from './config.ts';
export * from './facts.ts';
export { Store, type Project } from './store/store.ts';
export { MAX_DELIVERIES_IN_FLIGHT } from './services/scheduler.ts';
// What the API answers, as the schemas type them (for clients and tests).
export type { Invoice } from './schemas/invoice.ts';
export type { Transaction } from './schemas/transaction.ts';
export type { GatewayConfiguration } from './schemas/gateway-configuration.ts';
export type { Webhook } from './schemas/event.ts';

export interface StartSandboxOptions extends SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the sandbox is for this machine only. */
  host?: string;
  /**
   * Serve HTTPS instead of HTTP, with a certificate made at first start and reused (lib/tls.ts).
   * `tlsDir` holds ca.pem, cert.pem and key.pem; default `tls/` beside `dbPath` (`.sandbox/tls`
   * for `:memory:`, relative to the working directory).
   */
  https?: boolean | { tlsDir?: string };
}

export interface RunningSandbox {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:4010 */
  url: string;
  /** With `https`: the CA certificate file clients must trust, and its PEM. */
  caFile?: string;
  ca?: string;
  close(): Promise<void>;
  app: SandboxApp;
  store: Store;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

function tlsDirFor(options: StartSandboxOptions): string {
  if (typeof options.https === 'object' && options.https.tlsDir) return options.https.tlsDir;
  const db = options.dbPath ?? ':memory:';
  return db === ':memory:' ? join('.sandbox', 'tls') : join(dirname(db), 'tls');
}

/** Starts the sandbox in-process (tests, scripts). */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  // Besides loopback and the listening address, serve the name --host gives, and on a wildcard
  // bind this machine's name (plugins/hosts.ts).
  const boundNames = WILDCARD_HOSTS.has(host) ? [hostname()] : isIP(host) ? [] : [host];
  const allowedHosts = [...(options.allowedHosts ?? []), ...boundNames];
  let tlsFiles;
  if (options.https) {
    const certNames = [...allowedHosts, ...(WILDCARD_HOSTS.has(host) ? [] : [host])];
    if (options.publicUrl) certNames.push(parsePublicUrl(options.publicUrl).hostname);
    tlsFiles = await ensureTlsFiles(tlsDirFor(options), certNames);
  }
  const app = await buildApp({ ...options, allowedHosts, ...(tlsFiles ? { tls: { key: tlsFiles.key, cert: tlsFiles.cert } } : {}) });
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const urlHost = host.includes(':') && host !== '::' ? `[${host}]` : WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host;
  return {
    url: `${tlsFiles ? 'https' : 'http'}://${urlHost}:${port}`,
    ...(tlsFiles ? { caFile: tlsFiles.caFile, ca: tlsFiles.ca } : {}),
    close: () => app.close(),
    app,
    store: app.store,
  };
}
