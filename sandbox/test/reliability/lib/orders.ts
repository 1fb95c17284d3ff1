import type { Agent } from 'node:http';
import { send, type HttpAnswer } from '../../lib/client.ts';

// A merchant backend placing orders the way the docs teach: create an invoice, let the customer
// approve on the test checkout (headless), capture with the token. Every POST carries an
// Idempotency-Key and is retried on network errors and on 409 request.still-processing, like a
// careful integration would. Faults make the client misbehave on purpose.

/** duplicate: the same request sent twice at once; abort: the first attempt is cut off (client timeout). */
export type Fault = 'none' | 'duplicate' | 'abort';

/** What the client learned from 2xx answers: exactly what the sandbox must still have afterwards. */
export interface Order {
  index: number;
  invoiceId?: string;
  token?: string;
  captured?: boolean;
}

export interface OrderStats {
  requestsSent: number;
  retries: number;
  stillProcessing: number;
  networkErrors: number;
  replayMismatches: number;
}

export class StoppedError extends Error {}

const MAX_ATTEMPTS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class OrderClient {
  readonly stats: OrderStats = { requestsSent: 0, retries: 0, stillProcessing: 0, networkErrors: 0, replayMismatches: 0 };

  constructor(
    private readonly baseUrl: string,
    private readonly auth: string,
    private readonly gatewayConfigurationId: string,
    /** When true, requests stop being retried (the sandbox was killed on purpose). */
    private readonly stopped: () => boolean = () => false,
  ) {}

  /** One logical POST: retried until it gets an answer other than 409, or the client is stopped. */
  private async attempt(agent: Agent, path: string, key: string, body: object, abortFirst: boolean): Promise<HttpAnswer> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (this.stopped()) throw new StoppedError(`stopped before ${path} got an answer`);
      if (attempt > 0) this.stats.retries++;
      this.stats.requestsSent++;
      try {
        const answer = await send(this.baseUrl, {
          method: 'POST',
          url: path,
          agent,
          headers: { authorization: this.auth, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
          ...(abortFirst && attempt === 0 ? { abortAfterMs: Math.floor(Math.random() * 4) } : {}),
        });
        if (answer.status !== 409) return answer;
        this.stats.stillProcessing++;
      } catch {
        this.stats.networkErrors++;
      }
      await pause(5 + Math.random() * 25);
    }
    throw new Error(`${path} (${key}) never got a final answer`);
  }

  /** POSTs with the fault applied; expects 200 and returns the parsed body. */
  private async post(agent: Agent, path: string, key: string, body: object, fault: Fault): Promise<any> {
    const answers =
      fault === 'duplicate'
        ? await Promise.all([this.attempt(agent, path, key, body, false), this.attempt(agent, path, key, body, false)])
        : [await this.attempt(agent, path, key, body, fault === 'abort')];
    if (answers.some((answer) => answer.text !== answers[0]!.text)) this.stats.replayMismatches++;
    const [answer] = answers;
    if (answer!.status !== 200) throw new Error(`${path} (${key}): HTTP ${answer!.status} ${answer!.text.slice(0, 200)}`);
    return JSON.parse(answer!.text);
  }

  /** Takes the order as far as it can; resumes where a previous call stopped (same keys). */
  async place(order: Order, agent: Agent, faults: readonly [Fault, Fault, Fault]): Promise<void> {
    const key = `order-${order.index}`;
    if (!order.invoiceId) {
      const body = { name: `Order #${order.index}`, amount: '12.50', currency: 'EUR', metadata: { order: String(order.index) } };
      order.invoiceId = (await this.post(agent, '/invoices', `${key}-create`, body, faults[0])).invoice.id as string;
    }
    if (!order.token) {
      const body = { gateway_configuration_id: this.gatewayConfigurationId, outcome: 'approve' };
      order.token = (await this.post(agent, `/_sandbox/invoices/${order.invoiceId}/complete`, `${key}-complete`, body, faults[1]))
        .token as string;
    }
    if (!order.captured) {
      const captured = await this.post(agent, `/invoices/${order.invoiceId}/capture`, `${key}-capture`, { source: order.token }, faults[2]);
      order.captured = captured.transaction.status === 'completed';
    }
  }

  /** A second capture under a new key (a client bug): must be refused, never charged twice. */
  async captureAgain(agent: Agent, order: Order): Promise<HttpAnswer> {
    return this.attempt(
      agent,
      `/invoices/${order.invoiceId}/capture`,
      `order-${order.index}-capture-again`,
      { source: order.token },
      false,
    );
  }
}

const FAULTS: Fault[] = ['none', 'duplicate', 'abort'];

/** A fixed mix: every step of every third order is duplicated, of another third cut off. */
export function faultsFor(index: number): [Fault, Fault, Fault] {
  return [FAULTS[index % 3]!, FAULTS[(index + 1) % 3]!, FAULTS[(index + 2) % 3]!];
}
