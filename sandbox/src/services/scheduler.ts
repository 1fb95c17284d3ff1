import { setMaxListeners } from 'node:events';
import { settleDuePendingTransactions } from './payments.ts';
import type { ServiceContext } from './context.ts';
import { deliverWebhook } from './webhook-delivery.ts';

// setTimeout cannot wait longer than ~24.8 days; re-check at least hourly instead.
const MAX_SLEEP_MS = 60 * 60 * 1000;
// Deliveries sent at once: a burst of events must not open thousands of connections to one
// merchant endpoint (and time them all out). A finishing delivery wakes the worker for the next.
export const MAX_DELIVERIES_IN_FLIGHT = 32;
const ERROR_RETRY_MS = 1_000;

/**
 * The background worker: settles pending payments and sends webhook deliveries when they are due.
 * All due times live in the database, so whatever was queued before a restart resumes after it.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private timerDueMs = Infinity;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly stopController = new AbortController();
  private started = false;

  constructor(private readonly ctx: Omit<ServiceContext, 'wake'>) {
    // Every delivery in flight listens for the stop signal.
    setMaxListeners(MAX_DELIVERIES_IN_FLIGHT + 1, this.stopController.signal);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.ctx.store.requeueInterruptedWebhooks();
    this.wake();
  }

  /** Re-reads the next due time and sleeps until then. */
  wake(): void {
    if (!this.started || this.stopController.signal.aborted) return;
    const webhookDue = this.inFlight.size < MAX_DELIVERIES_IN_FLIGHT ? this.ctx.store.nextWebhookDueMs() : null;
    const candidates = [this.ctx.store.nextPendingTransactionDueMs(), webhookDue];
    const due = Math.min(...candidates.filter((value): value is number => value !== null));
    if (!Number.isFinite(due)) return;
    if (this.timer && this.timerDueMs <= due) return;
    this.sleep(Math.min(Math.max(0, due - Date.now()), MAX_SLEEP_MS));
  }

  private sleep(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerDueMs = Date.now() + delayMs;
    this.timer = setTimeout(() => this.run(), delayMs);
    this.timer.unref();
  }

  /** Stops the worker. In-flight deliveries are abandoned and sent again on the next start. */
  async stop(): Promise<void> {
    this.stopController.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
  }

  private run(): void {
    this.timer = null;
    this.timerDueMs = Infinity;
    if (this.stopController.signal.aborted) return;
    const context = { ...this.ctx, wake: () => this.wake() };
    try {
      settleDuePendingTransactions(context, Date.now());
      const room = MAX_DELIVERIES_IN_FLIGHT - this.inFlight.size;
      for (const row of room > 0 ? this.ctx.store.claimDueWebhooks(Date.now(), room) : []) {
        const delivery = deliverWebhook(this.ctx, row, this.stopController.signal)
          .catch((error: unknown) => console.error('webhook delivery failed unexpectedly', error))
          .finally(() => {
            this.inFlight.delete(delivery);
            this.wake();
          });
        this.inFlight.add(delivery);
      }
    } catch (error) {
      console.error('sandbox scheduler error; retrying in 1 s', error);
      this.sleep(ERROR_RETRY_MS);
      return;
    }
    this.wake();
  }
}
