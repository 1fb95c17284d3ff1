import type { Project } from '../store/store.ts';
import type { AuthLevel } from './auth.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Credentials the route needs; routes without it are open (checkout pages, OpenAPI). */
    auth?: AuthLevel;
    /** Honour Idempotency-Key on this route. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    project: Project;
    /** error_type of the error response, for the request log. */
    errorType?: string;
    idempotency?: { projectId: string; key: string; route: string };
    idempotencyReplay?: boolean;
    /** The answer was stored with the writes that produced it (see idempotency.ts). */
    idempotencySaved?: boolean;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    store: import('../store/store.ts').Store;
    sandboxConfig: import('../config.ts').ResolvedConfig;
    /** Context handed to domain services (store, config, wake the background worker). */
    services: import('../services/context.ts').ServiceContext;
    scheduler: import('../services/scheduler.ts').Scheduler;
  }
}
