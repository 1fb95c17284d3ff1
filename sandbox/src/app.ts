import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { resolveConfig, type ResolvedConfig, type SandboxOptions } from './config.ts';
import { DEMO_PROJECT } from './demo.ts';
import { registerAuth } from './plugins/auth.ts';
import { parseNested, registerBodyParsing } from './plugins/body-parsing.ts';
import { corsFor } from './plugins/cors.ts';
import { ApiError } from './lib/errors.ts';
import { addSandboxFormats } from './lib/formats.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { registerHostCheck } from './plugins/hosts.ts';
import { registerRateLimit } from './plugins/rate-limit.ts';
import { answerRequestsOutsideFastify, clientErrorHandler, frameworkErrors } from './plugins/transport-errors.ts';
import { fromValidationErrors } from './lib/validation-errors.ts';
import { ErrorResponse } from './schemas/common.ts';
import { Event, Webhook } from './schemas/event.ts';
import { GatewayConfiguration } from './schemas/gateway-configuration.ts';
import { Invoice } from './schemas/invoice.ts';
import { Transaction } from './schemas/transaction.ts';
import { checkoutRoutes } from './routes/checkout.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { eventRoutes } from './routes/events.ts';
import { gatewayConfigurationRoutes } from './routes/gateway-configurations.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { processOutJsRoutes } from './routes/processout-js.ts';
import { rootRoutes } from './routes/root.ts';
import { sandboxControlRoutes } from './routes/sandbox-control.ts';
import { transactionRoutes } from './routes/transactions.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { seedGatewayConfigurations } from './services/gateway-configurations.ts';
import type { ServiceContext } from './services/context.ts';
import { Scheduler } from './services/scheduler.ts';
import { Store } from './store/store.ts';

export type SandboxApp = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    sandboxConfig: ResolvedConfig;
    /** Context handed to domain services (store, config, wake the background worker). */
    services: ServiceContext;
    scheduler: Scheduler;
  }
  interface FastifyRequest {
    /** error_type of the error response, for the request log (set by the error handlers). */
    errorType?: string;
  }
}

const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Node's default limit on the request head (16 KiB) also bounds the URL. */
const MAX_URL_BYTES = 16 * 1024;

/** Turns anything thrown while handling a request into the API's error envelope. */
function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation) return fromValidationErrors(error.validation, error.validationContext ?? 'body');
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'request.body-too-large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'request.bad-format', 'Send application/json or application/x-www-form-urlencoded bodies.');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new ApiError(status, 'request.bad-format', `The request could not be read: ${error.message}`);
  }
  return new ApiError(500, 'internal.error', 'The sandbox hit an unexpected error; see its console output.');
}

/** Builds the sandbox HTTP app (shared by tests, `startSandbox` and the CLI). */
export async function buildApp(options: SandboxOptions = {}): Promise<SandboxApp> {
  const config = resolveConfig(options);
  const store = options.store ?? new Store(options.dbPath ?? ':memory:');
  const scheduler = new Scheduler({ store, config });
  const services: ServiceContext = { store, config, wake: () => scheduler.wake() };
  for (const project of [DEMO_PROJECT, ...(options.extraProjects ?? [])]) {
    store.upsertProject(project);
    seedGatewayConfigurations(services, project.id);
    // --webhook-url wins at start; without it the endpoint last set (e.g. on the dashboard) stays.
    if (config.webhookUrl) store.setProjectWebhookUrl(project.id, config.webhookUrl);
  }

  // Node answers a request without Host itself (a bare 400) unless told not to: plugins/hosts.ts answers it.
  // Timeouts are checked every connectionsCheckingInterval (Node's 30 s default would make a 10 s bound ~40 s).
  const serverOptions = {
    requireHostHeader: false,
    headersTimeout: config.timeouts.headersMs,
    connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.floor(config.timeouts.headersMs / 4))),
  };
  const app = Fastify({
    logger: false,
    ...(options.tls ? { https: { ...options.tls, ...serverOptions } } : { http: serverOptions }),
    requestTimeout: config.timeouts.requestMs,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Ids of any length reach the handlers (and get their resource's 404), like the real API.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_URL_BYTES, querystringParser: (query) => parseNested(query) },
    frameworkErrors,
    clientErrorHandler,
    ajv: { customOptions: { allErrors: true }, plugins: [addSandboxFormats] },
  }).withTypeProvider<TypeBoxTypeProvider>();

  answerRequestsOutsideFastify(app.server);

  app.decorate('store', store);
  app.decorate('sandboxConfig', config);
  app.decorate('scheduler', scheduler);
  app.decorate('services', services);
  app.addHook('onReady', async () => {
    // A retry of a request the previous process never finished must run, not get 409 forever.
    store.releaseUnfinishedIdempotencyKeys();
    scheduler.start();
  });
  app.addHook('onClose', async () => {
    await scheduler.stop();
    if (!options.store) store.close();
  });

  for (const schema of [ErrorResponse, Transaction, Invoice, Event, Webhook, GatewayConfiguration]) app.addSchema(schema);

  // Set before any plugin adds routes (e.g. the CORS preflight route): a route keeps the handler it was added with.
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.statusCode >= 500) console.error(error);
    request.errorType = apiError.errorType;
    return reply.code(apiError.statusCode).type('application/json; charset=utf-8').send(apiError.toBody());
  });
  // First hook of all: nothing (CORS, auth) runs for a host the sandbox does not serve.
  registerHostCheck(app, config.allowedHostnames);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'apm-docs local ProcessOut sandbox',
        version: '1.0.0',
        description: 'The subset of the ProcessOut API this local sandbox emulates, plus its test checkout and control routes.',
      },
      components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } } },
      security: [{ basicAuth: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(cors, { delegator: (request, callback) => callback(null, corsFor(request)) });
  // Before body parsing's hooks: a request its checks refuse still claims its Idempotency-Key, so the 400 is replayed.
  registerIdempotency(app, store);
  await registerBodyParsing(app);

  registerAuth(app, (id) => store.findProject(id));
  registerRateLimit(app, config.rateLimit);
  // Callback hooks here and below: they run on every request, and an async one costs a promise each time.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    done(null, payload);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // findRoute answers null for no route, which Fastify's type leaves out.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    const allowed = API_METHODS.filter((method) => app.findRoute({ method, url: path }));
    const error =
      allowed.length > 0
        ? new ApiError(405, 'request.method-not-allowed', `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}.`)
        : new ApiError(404, 'request.route-not-found', `No route ${request.method} ${path}.`);
    if (allowed.length > 0) reply.header('allow', allowed.join(', '));
    request.errorType = error.errorType;
    return reply.code(error.statusCode).send(error.toBody());
  });

  if (options.requestLog) {
    const log = options.requestLog;
    app.addHook('onResponse', (request, reply, done) => {
      const path = request.url.split('?')[0];
      const ms = reply.elapsedTime.toFixed(1);
      log(`${request.method} ${path} ${reply.statusCode} ${ms}ms${request.errorType ? ` ${request.errorType}` : ''}`);
      done();
    });
  }

  await app.register(rootRoutes);
  await app.register(invoiceRoutes);
  await app.register(transactionRoutes);
  await app.register(gatewayConfigurationRoutes);
  await app.register(eventRoutes);
  await app.register(webhookRoutes);
  await app.register(sandboxControlRoutes);
  await app.register(checkoutRoutes);
  await app.register(processOutJsRoutes);
  await app.register(dashboardRoutes);
  return app;
}
