import type { SandboxApp } from '@apm-docs/sandbox';
import type { FuzzWorld } from './fuzz-requests.ts';
import { basicAuth } from '../../lib/client.ts';

/** Sends a good JSON request through app.inject() and returns the parsed body; throws on an error answer. */
async function call(app: SandboxApp, auth: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await app.inject({ method, url, headers: { authorization: auth }, ...(payload ? { payload } : {}) });
  if (response.statusCode !== 200) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * Objects in every state, in two projects, so that fuzzed requests reach the handlers: invoices
 * waiting, authorized, completed, failed, voided and pending, with unused and used tokens.
 */
export async function buildFuzzWorld(app: SandboxApp, projects: { id: string; secret: string }[]): Promise<FuzzWorld> {
  const world: FuzzWorld = { projects, invoiceIds: [], transactionIds: [], eventIds: [], gatewayConfigurationIds: [], tokens: [] };
  for (const project of projects) {
    const auth = basicAuth(project.id, project.secret);
    const confs = (await call(app, auth, 'GET', '/gateway-configurations')).gateway_configurations as {
      id: string;
      gateway: { name: string };
    }[];
    world.gatewayConfigurationIds.push(...confs.map((conf) => conf.id));
    const apm = confs.find((conf) => conf.gateway.name === 'test-alternative-payment')!.id;
    const invoice = async (fields: object = {}) => {
      const body = {
        name: 'Fuzz order',
        amount: '10.00',
        currency: 'EUR',
        return_url: 'https://shop.example/return',
        cancel_url: 'https://shop.example/cancel',
        ...fields,
      };
      const created = (await call(app, auth, 'POST', '/invoices', body)).invoice as { id: string; transaction_id: string };
      world.invoiceIds.push(created.id);
      world.transactionIds.push(created.transaction_id);
      return created.id;
    };
    const token = async (invoiceId: string, outcome: 'approve' | 'pending' | 'decline' = 'approve') => {
      const result = await call(app, auth, 'POST', `/_sandbox/invoices/${invoiceId}/complete`, { gateway_configuration_id: apm, outcome });
      if (result.token) world.tokens.push(result.token);
      return result.token as string;
    };
    // waiting, with an unused token; a skip_processoutjs one; a deep-link one
    await token(await invoice());
    await token(await invoice({ metadata: { skip_processoutjs: 'true' } }));
    await token(await invoice({ return_url: 'your.application.id://processout/return', cancel_url: undefined }));
    // authorized
    const authorized = await invoice();
    await call(app, auth, 'POST', `/invoices/${authorized}/authorize`, { source: await token(authorized) });
    // completed
    const completed = await invoice();
    await call(app, auth, 'POST', `/invoices/${completed}/capture`, { source: await token(completed) });
    // failed (declined)
    await token(await invoice(), 'decline');
    // voided
    const voided = await invoice();
    await call(app, auth, 'POST', `/invoices/${voided}/authorize`, { source: await token(voided) });
    await call(app, auth, 'POST', `/invoices/${voided}/void`, {});
    // pending
    const pending = await invoice();
    await call(app, auth, 'POST', `/invoices/${pending}/capture`, { source: await token(pending, 'pending') });
    const events = (await call(app, auth, 'GET', '/events?limit=100')).events as { id: string }[];
    world.eventIds.push(...events.map((event) => event.id));
  }
  return world;
}

/** Adds what a successful fuzzed request created to the world, so later requests use it. */
export function learnFromResponse(world: FuzzWorld, text: string): void {
  let body: { invoice?: { id?: unknown; transaction_id?: unknown }; token?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    return;
  }
  if (typeof body.invoice?.id === 'string' && !world.invoiceIds.includes(body.invoice.id)) {
    world.invoiceIds.push(body.invoice.id);
    if (typeof body.invoice.transaction_id === 'string') world.transactionIds.push(body.invoice.transaction_id);
  }
  if (typeof body.token === 'string' && !world.tokens.includes(body.token)) world.tokens.push(body.token);
}
