import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort, peakRssKb, spawnSandboxCli, type ChildServer } from '../../../bench/lib/processes.ts';
import { DEMO_PROJECT, startSandbox } from '@apm-docs/sandbox';
import { waitFor } from '../helpers.ts';
import { recordFigures } from './lib/figures.ts';
import { faultsFor, OrderClient, StoppedError, type Order } from './lib/orders.ts';
import { COUNTS, LONG_TEST_MS } from './lib/scale.ts';
import { invoiceCount, storeProblems, StoreFile, stuckIdempotencyKeys } from '@apm-docs/sandbox/testing';
import { OK, startWebhookReceiver } from './lib/webhook-receiver.ts';
import { basicAuth, send } from '../lib/client.ts';

// Crash safety: the sandbox CLI runs as a child process on a database file and is killed with
// SIGKILL in the middle of a load, then restarted on the same file. Everything it answered 2xx
// must still be there; the orders it never answered are retried with their Idempotency-Keys and
// must end up existing exactly once; webhook deliveries queued or in flight at the kill are
// delivered after the restart.

const WORKERS = 24;
const MAX_ORDERS = 5_000;
const dir = mkdtempSync(join(tmpdir(), 'reliability-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const auth = basicAuth(DEMO_PROJECT.id, DEMO_PROJECT.secret);

async function apmConfigurationId(url: string): Promise<string> {
  const answer = await send(url, { method: 'GET', url: '/gateway-configurations', headers: { authorization: auth } });
  return JSON.parse(answer.text).gateway_configurations.find(
    (c: { gateway: { name: string } }) => c.gateway.name === 'test-alternative-payment',
  ).id;
}

describe('crash safety', () => {
  it('stores an answer together with the writes it reports: a failure in between leaves neither', async () => {
    const sandbox = await startSandbox();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // Stands for a crash after the invoice was written and before its answer was kept for replays.
      const saveAnswer = sandbox.store.saveIdempotentResponse.bind(sandbox.store);
      let crashes = 1;
      sandbox.store.saveIdempotentResponse = (...args) => {
        if (crashes-- > 0) throw new Error('simulated crash before the answer was stored');
        saveAnswer(...args);
      };
      const invoices = () => invoiceCount(sandbox.store);
      const create = () =>
        send(sandbox.url, {
          method: 'POST',
          url: '/invoices',
          headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': 'answer-and-writes' },
          body: JSON.stringify({ name: 'Atomic', amount: '1.00', currency: 'EUR' }),
        });
      expect((await create()).status).toBe(500);
      expect(consoleError).toHaveBeenCalledWith(expect.objectContaining({ message: 'simulated crash before the answer was stored' }));
      expect(invoices()).toBe(0);
      const retried = await create();
      expect(retried.status).toBe(200);
      expect(JSON.parse((await create()).text).invoice.id).toBe(JSON.parse(retried.text).invoice.id);
      expect(invoices()).toBe(1);
    } finally {
      consoleError.mockRestore();
      await sandbox.close();
    }
  });

  it(
    'keeps every acknowledged object across kill -9 and delivers the queued webhooks after the restart',
    { timeout: LONG_TEST_MS },
    async () => {
      const dbPath = join(dir, 'crash.db');
      // The merchant endpoint hangs during the first run, so deliveries are queued or in flight at the kill.
      const receiver = await startWebhookReceiver(() => ({ kind: 'hang' }));
      // The request log goes to a file: a pipe to this busy test process would slow the child down.
      const startCli = async () =>
        spawnSandboxCli(
          ['--port', String(await freePort()), '--db', dbPath, '--webhook-url', receiver.url, '--rate-limit', '0'],
          join(dir, 'sandbox.log'),
        );
      let sandbox: ChildServer | null = await startCli();
      const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });
      try {
        let killed = false;
        let unexpectedExit = false as boolean; // set from the exit callback below
        void sandbox.exited.then(() => (unexpectedExit = !killed));
        const client = new OrderClient(sandbox.url, auth, await apmConfigurationId(sandbox.url), () => killed);
        const orders: Order[] = [];
        const errors: string[] = [];
        const worker = async () => {
          while (!killed && orders.length < MAX_ORDERS) {
            const order: Order = { index: orders.length };
            orders.push(order);
            try {
              await client.place(order, agent, faultsFor(order.index));
            } catch (error) {
              if (!(error instanceof StoppedError)) errors.push(String(error));
            }
          }
        };
        const load = Promise.all(Array.from({ length: WORKERS }, worker));
        // Mid-load: once enough payments went through, while more are in flight.
        const captured = () => orders.filter((o) => o.captured).length >= COUNTS.crashCapturesBeforeKill;
        await waitFor(captured, 60_000, 'captures before the kill').catch(() => undefined);

        const childPeakRssKb = peakRssKb(sandbox.pid) ?? 0;
        killed = true;
        const killedPid = sandbox.pid;
        sandbox.process.kill('SIGKILL');
        expect(await sandbox.exited).toBe('SIGKILL');
        // The CLI's bundle of itself (bin/processout-sandbox.mjs) went as soon as it was loaded.
        expect(readdirSync(new URL('../../src/.build/', import.meta.url)).filter((file) => file.includes(`-${killedPid}.`))).toEqual([]);
        await load;
        expect(unexpectedExit).toBe(false);
        expect(errors.slice(0, 3)).toEqual([]);

        const beforeRestart = new StoreFile(dbPath, { writable: true });
        const queuedAtKill = beforeRestart.queuedWebhooks();
        // What a kill between reserving a key and answering leaves behind (a window of microseconds the
        // load rarely hits, so it is planted): a reservation without a response.
        beforeRestart.plantUnansweredReservation(DEMO_PROJECT.id, 'cut-short', 'POST /invoices');
        beforeRestart.close();

        receiver.behave(() => OK);
        sandbox = await startCli();
        const restarted = sandbox;

        // 1. Everything answered 2xx before the kill is there.
        const answeredInvoices = orders.filter((o) => o.invoiceId);
        const answeredCaptures = orders.filter((o) => o.captured);
        let lostAfterKill = 0;
        for (const order of answeredInvoices) {
          const answer = await send(restarted.url, {
            method: 'GET',
            url: `/invoices/${order.invoiceId}?expand=transaction`,
            headers: { authorization: auth },
            agent,
          });
          const status = answer.status === 200 ? JSON.parse(answer.text).invoice.transaction.status : null;
          if (status === null || (order.captured && status !== 'completed')) lostAfterKill++;
        }

        // 2. A request the crash cut short can be retried under its key (not 409 forever), once.
        const cutShort = () =>
          send(restarted.url, {
            method: 'POST',
            url: '/invoices',
            headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': 'cut-short' },
            body: JSON.stringify({ name: 'Retried after a crash', amount: '1.00', currency: 'EUR', metadata: { order: 'cut-short' } }),
          });
        const retried = await cutShort();
        expect(retried.status, retried.text).toBe(200);
        const replayed = await cutShort();
        expect(replayed.headers['idempotent-replayed']).toBe('true');
        expect(JSON.parse(replayed.text).invoice.id).toBe(JSON.parse(retried.text).invoice.id);

        // 3. The client retries what was never answered, with the same keys: each order ends up once.
        const resumed = new OrderClient(restarted.url, auth, await apmConfigurationId(restarted.url));
        const unfinished = orders.filter((o) => !o.captured);
        const resumeErrors: string[] = [];
        for (let i = 0; i < unfinished.length; i += WORKERS) {
          await Promise.all(
            unfinished
              .slice(i, i + WORKERS)
              .map((order) => resumed.place(order, agent, ['none', 'none', 'none']).catch((e: unknown) => resumeErrors.push(String(e)))),
          );
        }

        // 4. Deliveries queued or in flight at the kill are sent after the restart.
        const db = new StoreFile(dbPath);
        try {
          const events = db.eventIds();
          await waitFor(() => events.every((id) => receiver.acknowledged().has(id)), 30_000, 'every event delivered after the restart');
          const duplicatedAfterKill = db.duplicatedMetadata('order');
          const invoices = db.invoiceIds().length;

          recordFigures('crash', {
            ordersStarted: orders.length,
            invoicesAnsweredBeforeKill: answeredInvoices.length,
            capturesAnsweredBeforeKill: answeredCaptures.length,
            objectsLostAfterKill: lostAfterKill,
            objectsDuplicatedAfterKill: duplicatedAfterKill,
            ordersNotCompletedAfterRestart: resumeErrors.length,
            webhookDeliveriesQueuedAtKill: queuedAtKill,
            eventsDeliveredAfterRestart: events.filter((id) => receiver.acknowledged().has(id)).length,
            webhookDeliveriesAttempted: receiver.received.length,
            webhookDeliveriesSucceeded: receiver.received.filter((d) => d.action.kind === 'answer').length,
            sandboxChildMaxRssKb: Math.max(childPeakRssKb, peakRssKb(restarted.pid) ?? 0),
            crashes: unexpectedExit ? 1 : 0,
          });

          expect(answeredCaptures.length, 'the load got captures through before the kill').toBeGreaterThan(0);
          expect(lostAfterKill).toBe(0);
          expect(resumeErrors.slice(0, 3)).toEqual([]);
          expect(duplicatedAfterKill).toBe(0);
          expect(invoices).toBe(orders.length + 1); // + the cut-short retry
          expect(queuedAtKill, 'deliveries were pending when the sandbox died').toBeGreaterThan(0);
          expect(storeProblems(db.store)).toEqual([]);
          expect(stuckIdempotencyKeys(db.store)).toBe(0);
        } finally {
          db.close();
        }
      } finally {
        agent.destroy();
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the run failed before starting it
        await sandbox?.stop();
        await receiver.close();
      }
    },
  );
});
