import { DEMO_PROJECT } from '@apm-docs/sandbox';

/** A transaction as the sandbox returns it, with the fields the suites check. */
export interface Transaction {
  id: string;
  invoice_id: string;
  status: string;
  error_code: string | null;
}

export interface ProcessOutEvent {
  id: string;
  name: string;
  fired_at: string;
  data: { transaction?: Transaction };
}

/**
 * Calls the sandbox with the demo credentials, independently of the samples: tests use it to set up a
 * situation (an invoice, a token) and to read back what a sample did.
 */
export function sandboxApi(baseUrl: string) {
  const authorization = `Basic ${Buffer.from(`${DEMO_PROJECT.id}:${DEMO_PROJECT.secret}`).toString('base64')}`;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json()) as T & { success: boolean };
    if (!response.ok || !payload.success) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  }

  const api = {
    async createInvoice(fields: Record<string, unknown> = {}): Promise<{ id: string; [field: string]: unknown }> {
      const { invoice } = await call<{ invoice: { id: string } }>('POST', '/invoices', {
        // The invoice every page shows: one amount and currency across all examples and responses.
        name: 'Amazing item',
        amount: '9.99',
        currency: 'USD',
        ...fields,
      });
      return invoice;
    },
    async invoice(id: string): Promise<Record<string, unknown>> {
      return (await call<{ invoice: Record<string, unknown> }>('GET', `/invoices/${encodeURIComponent(id)}`)).invoice;
    },
    async apmConfigurations(): Promise<{ id: string; gateway: { name: string; display_name: string } }[]> {
      const answer = await call<{ gateway_configurations: { id: string; gateway: { name: string; display_name: string } }[] }>(
        'GET',
        '/gateway-configurations?filter=alternative-payment-methods',
      );
      return answer.gateway_configurations;
    },
    /** The gateway configuration ID of the sandbox's redirect test APM. */
    async testApmId(): Promise<string> {
      const configuration = (await api.apmConfigurations()).find((candidate) => candidate.gateway.name === 'test-alternative-payment');
      if (!configuration) throw new Error('The sandbox lists no test-alternative-payment configuration');
      return configuration.id;
    },
    /** Plays the test checkout headlessly; returns the token for approve and pending. */
    async complete(invoiceId: string, outcome: 'approve' | 'decline' | 'cancel' | 'pending', gatewayConfigurationId?: string) {
      return call<{ token?: string; error_code?: string; redirect_url: string | null }>(
        'POST',
        `/_sandbox/invoices/${encodeURIComponent(invoiceId)}/complete`,
        { gateway_configuration_id: gatewayConfigurationId ?? (await api.testApmId()), outcome },
      );
    },
    async pay(invoiceId: string, route: 'capture' | 'authorize', token: string): Promise<Transaction> {
      return (await call<{ transaction: Transaction }>('POST', `/invoices/${encodeURIComponent(invoiceId)}/${route}`, { source: token }))
        .transaction;
    },
    async transaction(invoiceId: string): Promise<Transaction> {
      return (await call<{ transaction: Transaction }>('GET', `/invoices/${encodeURIComponent(invoiceId)}/transactions`)).transaction;
    },
    /** A transaction's refunds, oldest first. */
    async refunds(transactionId: string): Promise<Record<string, unknown>[]> {
      return (await call<{ refunds: Record<string, unknown>[] }>('GET', `/transactions/${encodeURIComponent(transactionId)}/refunds`))
        .refunds;
    },
    /** The events of one invoice's transaction, oldest first. */
    async eventsOf(invoiceId: string): Promise<ProcessOutEvent[]> {
      const { events } = await call<{ events: ProcessOutEvent[] }>('GET', '/events?limit=100');
      return events.filter((event) => event.data.transaction?.invoice_id === invoiceId).reverse();
    },
  };
  return api;
}

export type SandboxApi = ReturnType<typeof sandboxApi>;

/** Polls until `check` returns a value other than undefined, or fails after the timeout. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, label: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
