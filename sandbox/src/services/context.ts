import type { ResolvedConfig } from '../config.ts';
import type { Store } from '../store/store.ts';

/** What domain services need: persistence, settings, and a way to wake the background worker. */
export interface ServiceContext {
  store: Store;
  config: ResolvedConfig;
  /** Call after writing work with a due time (webhook deliveries, pending payments). */
  wake(): void;
}
