// Builds, on a fresh sandbox, the objects the recorded SDK traffic refers to. `fixtures` in each
// traffic file says in words how to obtain every placeholder ("invoice A = fresh invoice", "approved
// token for that invoice"…); BINDINGS turns each of those sentences into API calls. A sentence with no
// rule fails loudly, so new facts cannot be replayed with made-up objects.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PROJECT } from '@apm-docs/sandbox';

/** The recipe texts (`fixtures.recipes`) these constants follow. */
const FRESH_INVOICE = { name: 'Amazing item', amount: '9.99', currency: 'USD', return_url: 'https://www.example.com/checkout/return' };
const APM_ID_SUFFIX = '.test-alternative-payment';
const WAIT_MS = 10_000;

export const DEMO_BASIC_AUTH = `Basic ${Buffer.from(`${DEMO_PROJECT.id}:${DEMO_PROJECT.secret}`).toString('base64')}`;

/** Placeholder → its value; a list when each entry of the sample takes the next one ("each event…"). */
export type Bindings = Map<string, string | string[]>;

interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

async function waitFor<T>(label: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`fixtures: timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A webhook endpoint that answers 200 and remembers the event ids it was sent, in order. */
async function startWebhookEndpoint() {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push((JSON.parse(text) as { event_id: string }).event_id);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/processout`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

interface Rule {
  text: RegExp;
  resolve(world: FixtureWorld, match: RegExpExecArray, bound: Bindings): Promise<string | string[]>;
}

function single(bound: Bindings, placeholder: string): string {
  const value = bound.get(placeholder);
  if (typeof value !== 'string') throw new Error(`fixtures: ${placeholder} must be bound before it is used`);
  return value;
}

// Ordered: the first rule whose text matches wins ("invoice A = fresh invoice" before "invoice A").
const BINDINGS: Rule[] = [
  { text: /^apm configuration$/, resolve: (world) => world.apmConfigurationId() },
  {
    text: /^(?:invoice ([A-Z]) = )?(?:another )?fresh invoice$/,
    resolve: async (world, match) => world.remember(match[1] && `invoice ${match[1]}`, await world.freshInvoice()),
  },
  { text: /^invoice ([A-Z])\b/, resolve: async (world, match) => world.recall(`invoice ${match[1]}`) },
  {
    text: /^approved token for (?:that invoice|invoice [A-Z])$/,
    resolve: (world, _match, bound) => world.approvedToken(single(bound, '{invoice_id}')),
  },
  { text: /^the token of the first capture\b/, resolve: async (world, _match, bound) => world.firstToken(single(bound, '{invoice_id}')) },
  {
    text: /^the transaction of invoice ([A-Z])\b/,
    resolve: (world, match) => world.transactionOf(world.recall(`invoice ${match[1]}`)),
  },
  {
    text: /^(?:event ([A-Z]) = )?captured event( with a delivered webhook)?$/,
    resolve: async (world, match) => world.remember(match[1] && `event ${match[1]}`, await world.capturedEvent(match[2] !== undefined)),
  },
  { text: /^event ([A-Z])$/, resolve: async (world, match) => world.recall(`event ${match[1]}`) },
  { text: /^each event the sandbox delivered to the running sample\b/, resolve: (world) => world.eventsDeliveredForOnePayment() },
];

/** The objects one SDK's replay created, on one sandbox. */
export class FixtureWorld {
  private readonly named = new Map<string, string>();
  private readonly tokensByInvoice = new Map<string, string[]>();
  private apmId: string | undefined;

  private constructor(
    private readonly sandboxUrl: string,
    private readonly endpoint: Awaited<ReturnType<typeof startWebhookEndpoint>>,
  ) {}

  static async start(sandboxUrl: string): Promise<FixtureWorld> {
    return new FixtureWorld(sandboxUrl, await startWebhookEndpoint());
  }

  close(): Promise<void> {
    return this.endpoint.close();
  }

  /** Resolves every placeholder of one sample or call, in the order `fixtures` lists them. */
  async bind(recipes: Record<string, string>): Promise<Bindings> {
    const bound: Bindings = new Map();
    for (const [placeholder, text] of Object.entries(recipes)) {
      // `path` and `authorization` notes describe literals the entries already carry.
      if (!/^\{\w+\}$/.test(placeholder)) continue;
      const sentence = text.split(';')[0]!.trim();
      const rule = BINDINGS.map((candidate) => ({ candidate, match: candidate.text.exec(sentence) })).find(({ match }) => match);
      if (!rule?.match) throw new Error(`fixtures: no rule builds ${placeholder} = "${text}"`);
      bound.set(placeholder, await rule.candidate.resolve(this, rule.match, bound));
    }
    return bound;
  }

  /** Names an object ("invoice A") when the recipe does, so that later calls can refer to it. */
  remember(name: string | undefined, id: string): string {
    if (name) this.named.set(name, id);
    return id;
  }

  recall(name: string): string {
    const id = this.named.get(name);
    if (!id) throw new Error(`fixtures: ${name} is made by an earlier call of this file; replay the whole file in order`);
    return id;
  }

  private async api(method: string, path: string, body?: unknown): Promise<JsonAnswer> {
    const response = await fetch(`${this.sandboxUrl}${path}`, {
      method,
      headers: { authorization: DEMO_BASIC_AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = { status: response.status, body: (await response.json()) as Record<string, unknown> };
    if (answer.status !== 200) throw new Error(`fixtures: ${method} ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  }

  async apmConfigurationId(): Promise<string> {
    if (!this.apmId) {
      const { body } = await this.api('GET', '/gateway-configurations?filter=alternative-payment-methods');
      const configurations = body.gateway_configurations as { id: string }[];
      this.apmId = configurations.find((configuration) => configuration.id.endsWith(APM_ID_SUFFIX))?.id;
      if (!this.apmId) throw new Error(`fixtures: no gateway configuration ends in ${APM_ID_SUFFIX}`);
    }
    return this.apmId;
  }

  async freshInvoice(fields: Record<string, string> = {}): Promise<string> {
    const { body } = await this.api('POST', '/invoices', { ...FRESH_INVOICE, ...fields });
    return (body.invoice as { id: string }).id;
  }

  /** A new single-use gway_req_ token, approved on the test checkout for that invoice. */
  async approvedToken(invoiceId: string): Promise<string> {
    const gatewayConfigurationId = await this.apmConfigurationId();
    const { body } = await this.api('POST', `/_sandbox/invoices/${invoiceId}/complete`, {
      gateway_configuration_id: gatewayConfigurationId,
      outcome: 'approve',
    });
    const token = body.token as string;
    this.tokensByInvoice.set(invoiceId, [...(this.tokensByInvoice.get(invoiceId) ?? []), token]);
    return token;
  }

  async firstToken(invoiceId: string): Promise<string> {
    const [token] = this.tokensByInvoice.get(invoiceId) ?? [];
    if (!token) throw new Error(`fixtures: no token was approved for ${invoiceId} yet`);
    return token;
  }

  async transactionOf(invoiceId: string): Promise<string> {
    const { body } = await this.api('GET', `/invoices/${invoiceId}`);
    return (body.invoice as { transaction_id: string }).transaction_id;
  }

  /** Event ids of one invoice, oldest first. */
  private async eventsOf(invoiceId: string): Promise<{ id: string; name: string }[]> {
    const { body } = await this.api('GET', '/events?limit=100');
    const events = body.events as { id: string; name: string; data: { transaction: { invoice_id: string } } }[];
    return events.filter((event) => event.data.transaction.invoice_id === invoiceId).reverse();
  }

  /** A fresh invoice (with this world's webhook endpoint when asked), an approved token, a capture. */
  private async capturedInvoice(withWebhook: boolean): Promise<string> {
    const invoiceId = await this.freshInvoice(withWebhook ? { webhook_url: this.endpoint.url } : {});
    await this.api('POST', `/invoices/${invoiceId}/capture`, { source: await this.approvedToken(invoiceId) });
    return invoiceId;
  }

  async capturedEvent(withDeliveredWebhook: boolean): Promise<string> {
    const invoiceId = await this.capturedInvoice(withDeliveredWebhook);
    const captured = (await this.eventsOf(invoiceId)).find((event) => event.name === 'transaction.captured');
    if (!captured) throw new Error(`fixtures: invoice ${invoiceId} has no transaction.captured event`);
    if (withDeliveredWebhook) {
      await waitFor(`a delivered webhook for ${captured.id}`, async () => {
        const { body } = await this.api('GET', `/events/${captured.id}/webhooks`);
        return (body.webhooks as { status: string }[]).some((webhook) => webhook.status === 'delivered') ? true : undefined;
      });
    }
    return captured.id;
  }

  /** What the webhook-endpoint sample was sent for one approved, captured payment: its event ids in delivery order. */
  async eventsDeliveredForOnePayment(): Promise<string[]> {
    const invoiceId = await this.capturedInvoice(true);
    const ids = new Set((await this.eventsOf(invoiceId)).map((event) => event.id));
    return waitFor(`webhooks for invoice ${invoiceId}`, async () => {
      const delivered = this.endpoint.received.filter((id) => ids.has(id));
      return new Set(delivered).size === ids.size ? [...new Set(delivered)] : undefined;
    });
  }
}
