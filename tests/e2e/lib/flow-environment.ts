// What both end-to-end suites start: the sandbox, and the webhook sample listening for its events.
import { DEMO_PROJECT, startSandbox, type RunningSandbox } from '@apm-docs/sandbox';
import { findSampleFile } from '../../samples/lib/discover.ts';
import { startServerSample, type RunningServerSample, type SampleEnvironment } from '../../samples/lib/sample-runner.ts';
import { WEBHOOK_LISTENING } from '../../samples/lib/scenarios.ts';

/** Short enough for the tests, long enough to see that the webhook comes after the capture answer. */
export const PENDING_DELAY_MS = 1_500;

export interface FlowEnvironment {
  sandbox: RunningSandbox;
  webhook: RunningServerSample;
  /** The credentials and API address the samples read. */
  sampleEnvironment(extra?: Record<string, string>): SampleEnvironment;
  close(): Promise<void>;
}

export async function startFlowEnvironment(): Promise<FlowEnvironment> {
  const sandbox = await startSandbox({ port: 0, dbPath: ':memory:', pendingDelayMs: PENDING_DELAY_MS });
  const sampleEnvironment = (extra: Record<string, string> = {}): SampleEnvironment => ({
    PROCESSOUT_PROJECT_ID: DEMO_PROJECT.id,
    PROCESSOUT_PROJECT_SECRET: DEMO_PROJECT.secret,
    PROCESSOUT_API_URL: sandbox.url,
    ...extra,
  });
  let webhook: RunningServerSample;
  try {
    webhook = await startServerSample(findSampleFile('webhook-endpoint', 'typescript'), sampleEnvironment(), WEBHOOK_LISTENING);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return {
    sandbox,
    webhook,
    sampleEnvironment,
    async close() {
      await webhook.stop();
      await sandbox.close();
    },
  };
}

/** A line the webhook sample printed for a verified event. */
export interface VerifiedEvent {
  event_id: string;
  event_type: string;
  invoice_id: string | null;
  transaction_id: string | null;
  status: string | null;
}

/** Waits until the webhook sample has verified an event of this type for this invoice. */
export async function verifiedEvent(
  webhook: RunningServerSample,
  invoiceId: string,
  eventType: string,
  timeoutMs = 20_000,
): Promise<VerifiedEvent> {
  const line = await webhook.waitForLine((candidate) => {
    const event = JSON.parse(candidate) as VerifiedEvent;
    return event.invoice_id === invoiceId && event.event_type === eventType;
  }, timeoutMs);
  return JSON.parse(line) as VerifiedEvent;
}

/** Every event the webhook sample verified for this invoice, in order. */
export function verifiedEventsOf(webhook: RunningServerSample, invoiceId: string): VerifiedEvent[] {
  return webhook.stdoutLines.map((line) => JSON.parse(line) as VerifiedEvent).filter((event) => event.invoice_id === invoiceId);
}
