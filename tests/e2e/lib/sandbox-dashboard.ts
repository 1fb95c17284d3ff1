// The sandbox dashboard as a reader uses it after a payment: in the browser, signed in with the project's
// ID and secret key (HTTP Basic auth, which the browser context answers), reading what the pages show.
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PROJECT } from '@apm-docs/sandbox';

/** One webhook delivery attempt as the event page shows it. */
export interface ShownAttempt {
  /** The attempt's heading, e.g. "Attempt 1 to http://127.0.0.1:4321/webhooks/processout: delivered". */
  heading: string;
  /** The request's method and URL, e.g. "POST http://127.0.0.1:4321/webhooks/processout". */
  request: string;
  /** The answer's status, e.g. "delivered — HTTP 200" (or "pending — not sent yet"). */
  answer: string;
}

/** One row of an invoice page's status history: the status, and the event (or creation) that set it. */
export interface ShownStatus {
  status: string;
  because: string;
}

export interface SandboxDashboard {
  page: Page;
  /** The event page's delivery attempts, once none is still waiting to be sent (or the timeout passes). */
  deliveryAttempts(eventId: string, timeoutMs?: number): Promise<ShownAttempt[]>;
  /** The invoice page's transaction status history, oldest first. */
  statusHistory(invoiceId: string): Promise<ShownStatus[]>;
}

/** The text of the <dd> after the <dt> with this term, inside `scope`. */
async function definition(scope: Locator, term: string): Promise<string> {
  return ((await scope.locator(`dt:text-is("${term}") + dd`).first().textContent()) ?? '').trim();
}

async function goto(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  if (response?.status() !== 200) {
    throw new Error(`${url} answered HTTP ${response?.status()}: ${await page.locator('main').textContent()}`);
  }
}

/** Opens a browser context signed in to the dashboard of the demo project; the caller closes it. */
export async function openSandboxDashboard(browser: Browser, sandboxUrl: string): Promise<SandboxDashboard & { close(): Promise<void> }> {
  const context = await browser.newContext({ httpCredentials: { username: DEMO_PROJECT.id, password: DEMO_PROJECT.secret } });
  const page = await context.newPage();

  const readAttempts = async (): Promise<ShownAttempt[]> => {
    const attempts: ShownAttempt[] = [];
    for (const section of await page.locator('section.attempt').all()) {
      attempts.push({
        heading: ((await section.getByRole('heading', { level: 3 }).textContent()) ?? '').trim(),
        request: await definition(section, 'URL'),
        answer: await definition(section, 'Status'),
      });
    }
    return attempts;
  };

  return {
    page,
    async deliveryAttempts(eventId, timeoutMs = 10_000) {
      const url = `${sandboxUrl}/dashboard/events/${encodeURIComponent(eventId)}`;
      const deadline = Date.now() + timeoutMs;
      // The endpoint's answer is recorded once its body has arrived; until then the attempt shows pending.
      for (;;) {
        await goto(page, url);
        const attempts = await readAttempts();
        if (!attempts.some((attempt) => attempt.answer.startsWith('pending')) || Date.now() > deadline) return attempts;
        await page.waitForTimeout(200);
      }
    },
    async statusHistory(invoiceId) {
      await goto(page, `${sandboxUrl}/dashboard/invoices/${encodeURIComponent(invoiceId)}`);
      const rows = page.getByRole('table', { name: 'Status history, oldest first' }).locator('tbody tr');
      return Promise.all(
        (await rows.all()).map(async (row) => {
          const cells = await row.locator('td').allTextContents();
          return { status: (cells[1] ?? '').trim(), because: (cells[2] ?? '').trim() };
        }),
      );
    },
    close: () => context.close(),
  };
}
