import { escapeHtml } from '../lib/html.ts';
import type { StoredEvent, Webhook } from '../schemas/event.ts';
import type { StoredInvoice } from '../schemas/invoice.ts';
import type { Transaction } from '../schemas/transaction.ts';
import {
  code,
  csrfField,
  dashboardHref,
  dashboardPage,
  dataTable,
  definitionList,
  link,
  status,
  time,
  DASHBOARD_PATH,
  type PageFrame,
} from './dashboard-layout.ts';

// The dashboard pages (routes/dashboard.ts gathers what they show from the store).

export interface InvoiceRow {
  invoice: StoredInvoice;
  transaction: Transaction | undefined;
}

export interface EventRow {
  event: StoredEvent;
  webhooks: Webhook[];
}

export interface Paging {
  /** Link to the next (older) page, when there is one. */
  olderHref: string | null;
  /** Link back to the first page, when this is not it. */
  newestHref: string | null;
}

/** The request every attempt sends (services/webhook-delivery.ts webhookRequest). */
export interface SentRequest {
  method: string;
  headers: Record<string, string>;
  body: string;
}

function transactionOf(event: StoredEvent): Transaction {
  return event.data.transaction as Transaction;
}

function notice(text: string | null): string {
  return text ? `<div class="notice" role="status">${escapeHtml(text)}</div>` : '';
}

function problem(text: string | null): string {
  return text ? `<div class="problem" role="alert">${escapeHtml(text)}</div>` : '';
}

function pager(paging: Paging): string {
  const links = [
    paging.newestHref ? link(paging.newestHref, '← Newest') : '',
    paging.olderHref ? link(paging.olderHref, 'Older →') : '',
  ].filter(Boolean);
  return links.length ? `<nav class="pager" aria-label="Pages">${links.join('')}</nav>` : '';
}

function invoiceTable(id: string, caption: string, rows: InvoiceRow[]): string {
  return dataTable(
    id,
    caption,
    ['Invoice', 'Name', 'Amount', 'Transaction', 'Status', 'Created'],
    rows.map(({ invoice, transaction }) => [
      link(dashboardHref('invoices', invoice.id), invoice.id),
      escapeHtml(invoice.name),
      `${escapeHtml(invoice.amount)} ${escapeHtml(invoice.currency)}`,
      transaction ? code(transaction.id) : '—',
      transaction ? status(transaction.status) : '—',
      time(invoice.created_at),
    ]),
    'No invoices yet: create one with POST /invoices (a docs sample does it).',
  );
}

/** "2 attempts, last delivered (200)". */
function deliverySummary(webhooks: Webhook[]): string {
  const last = webhooks.at(-1);
  if (!last) return '<span class="muted">none (no webhook URL)</span>';
  const count = `${webhooks.length} attempt${webhooks.length === 1 ? '' : 's'}`;
  return `${count}, last ${status(last.status)}${last.response_code ? ` (${escapeHtml(last.response_code)})` : ''}`;
}

function eventTable(id: string, caption: string, rows: EventRow[]): string {
  return dataTable(
    id,
    caption,
    ['Event', 'Type', 'Invoice', 'Fired', 'Webhook deliveries'],
    rows.map(({ event, webhooks }) => [
      link(dashboardHref('events', event.id), event.id),
      `<code class="name">${escapeHtml(event.name)}</code>`,
      link(dashboardHref('invoices', transactionOf(event).invoice_id), transactionOf(event).invoice_id),
      time(event.fired_at),
      deliverySummary(webhooks),
    ]),
    'No events yet: they are recorded when a payment is authorized, captured, declined, voided, refunded or left pending.',
  );
}

function webhookUrlForm(options: { csrfToken: string; webhookUrl: string | null; value?: string; problem?: string | null }): string {
  const value = options.value ?? options.webhookUrl ?? '';
  const invalid = options.problem
    ? ' aria-invalid="true" aria-describedby="webhook-url-problem webhook-url-hint"'
    : ' aria-describedby="webhook-url-hint"';
  return `<section class="card" aria-labelledby="settings-heading">
<h2 id="settings-heading">Project webhook URL</h2>
<p>Receives every event of this project (like an endpoint set in the ProcessOut Dashboard), besides each invoice's own
<code>webhook_url</code>. Currently: ${options.webhookUrl ? code(options.webhookUrl) : '<strong>none</strong>'}.</p>
<form method="post" action="${dashboardHref('settings', 'webhook-url')}">
  ${csrfField(options.csrfToken)}
  <label for="webhook-url">Webhook URL</label>
  <p class="field-hint" id="webhook-url-hint">An http(s) URL, e.g. <code>http://127.0.0.1:3001/webhooks/processout</code>. Leave empty
  to send none. It applies from the next event on, and is kept across restarts (<code>--webhook-url</code> replaces it at start).</p>
  ${options.problem ? `<p class="problem" id="webhook-url-problem">${escapeHtml(options.problem)}</p>` : ''}
  <input type="url" id="webhook-url" name="webhook_url" value="${escapeHtml(value)}" autocomplete="url" spellcheck="false"${invalid}>
  <div class="actions"><button type="submit">Save webhook URL</button></div>
</form>
</section>`;
}

export function overviewPage(
  frame: PageFrame,
  data: {
    csrfToken: string;
    webhookUrl: string | null;
    invoices: InvoiceRow[];
    events: EventRow[];
    notice: string | null;
    problem?: string | null;
    value?: string;
  },
): string {
  return dashboardPage(
    frame,
    `<h1>Sandbox dashboard</h1>
${notice(data.notice)}
${problem(data.problem ?? null)}
${webhookUrlForm(data)}
<h2 id="recent-invoices">Latest invoices</h2>
${invoiceTable('recent-invoices-table', 'Latest invoices and their transactions', data.invoices)}
<p>${link(dashboardHref('invoices'), 'All invoices')}</p>
<h2 id="recent-events">Latest events</h2>
${eventTable('recent-events-table', 'Latest events and their webhook deliveries', data.events)}
<p>${link(dashboardHref('events'), 'All events and webhook deliveries')}</p>`,
  );
}

export function invoiceListPage(frame: PageFrame, rows: InvoiceRow[], paging: Paging): string {
  return dashboardPage(frame, `<h1>Invoices</h1>\n${invoiceTable('invoices-table', 'Invoices, newest first', rows)}\n${pager(paging)}`);
}

export function eventListPage(frame: PageFrame, rows: EventRow[], paging: Paging): string {
  return dashboardPage(
    frame,
    `<h1>Events and webhooks</h1>\n${eventTable('events-table', 'Events, newest first', rows)}\n${pager(paging)}`,
  );
}

function statusHistory(transaction: Transaction, events: StoredEvent[]): string {
  const rows = [
    [time(transaction.created_at), status('waiting'), 'created with the invoice'],
    ...events.map((event) => [
      time(event.fired_at),
      status(transactionOf(event).status),
      link(dashboardHref('events', event.id), event.name),
    ]),
  ];
  return dataTable('status-history', 'Status history, oldest first', ['When', 'Status', 'Because of'], rows, '');
}

function operationsTable(transaction: Transaction): string {
  return dataTable(
    'operations',
    'Operations',
    ['Type', 'Amount', 'Result', 'Error code', 'When'],
    transaction.operations.map((operation) => [
      escapeHtml(operation.type),
      `${escapeHtml(operation.amount)} ${escapeHtml(operation.currency)}`,
      operation.has_failed ? status('failed') : 'ok',
      operation.error_code ? code(operation.error_code) : '—',
      time(operation.created_at),
    ]),
    'No operations yet: the customer has not paid.',
  );
}

export function invoicePage(
  frame: PageFrame,
  data: { invoice: StoredInvoice; transaction: Transaction | undefined; events: EventRow[]; checkoutUrl: string },
): string {
  const { invoice, transaction } = data;
  const metadata = Object.entries(invoice.metadata);
  const transactionSection = transaction
    ? `<h2 id="transaction">Transaction ${code(transaction.id)}</h2>
${definitionList([
  ['Status', status(transaction.status)],
  [
    'Amounts',
    `authorized ${escapeHtml(transaction.authorized_amount)}, captured ${escapeHtml(transaction.captured_amount)}, refunded ${escapeHtml(transaction.refunded_amount)} ${escapeHtml(transaction.currency)}`,
  ],
  ['Attempts', escapeHtml(String(transaction.attempts_count))],
  ['Gateway', transaction.gateway_name ? code(transaction.gateway_name) : '—'],
  ['Error', transaction.error_code ? `${code(transaction.error_code)} ${escapeHtml(transaction.error_message ?? '')}` : '—'],
])}
<h3 id="status-history-heading">Status history</h3>
${statusHistory(transaction, data.events.map((row) => row.event).reverse())}
<h3>Operations</h3>
${operationsTable(transaction)}`
    : '<p>This invoice has no transaction.</p>';
  return dashboardPage(
    frame,
    `<h1>Invoice ${code(invoice.id)}</h1>
${definitionList([
  ['Name', escapeHtml(invoice.name)],
  ['Amount', `${escapeHtml(invoice.amount)} ${escapeHtml(invoice.currency)}`],
  ['Created', time(invoice.created_at)],
  ['Return URL', invoice.return_url ? code(invoice.return_url) : '—'],
  ['Cancel URL', invoice.cancel_url ? code(invoice.cancel_url) : '—'],
  ['Webhook URL', invoice.webhook_url ? code(invoice.webhook_url) : '—'],
  ['Metadata', metadata.length ? metadata.map(([key, value]) => `${code(key)} = ${code(value)}`).join('<br>') : '—'],
  ['Checkout', link(data.checkoutUrl, 'Open the test checkout')],
])}
${transactionSection}
<h2 id="invoice-events">Events</h2>
${eventTable('invoice-events-table', 'Events about this invoice, newest first', data.events)}`,
  );
}

function headerBlock(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}

function attemptSection(webhook: Webhook, request: SentRequest): string {
  const requestHeaders = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  const answered = webhook.response_code !== null;
  const answer = answered
    ? definitionList([
        ['Status', `${status(webhook.status)} — HTTP ${escapeHtml(webhook.response_code!)}`],
        ['Headers', headerBlock(webhook.response_headers ?? '')],
        ['Body', `${headerBlock(webhook.response_body ?? '')}<span class="muted">First 2000 characters, as kept.</span>`],
      ])
    : definitionList([['Status', `${status(webhook.status)} — ${webhook.status === 'pending' ? 'not sent yet' : 'no HTTP answer'}`]]);
  return `<section class="attempt" aria-labelledby="attempt-${escapeHtml(webhook.id)}">
<h3 id="attempt-${escapeHtml(webhook.id)}">Attempt ${webhook.attempt} to ${code(webhook.request_url)}: ${status(webhook.status)}</h3>
<div class="columns">
<div><h4>Request</h4>
${definitionList([
  ['URL', `${escapeHtml(request.method)} ${code(webhook.request_url)}`],
  ['Headers', headerBlock(requestHeaders)],
  ['Body', headerBlock(request.body)],
])}</div>
<div><h4>Answer</h4>
${answer}
${webhook.error_message ? definitionList([['Error', escapeHtml(webhook.error_message)]]) : ''}</div>
<div><h4>Timing</h4>
${definitionList([
  ['Queued', time(webhook.created_at)],
  ['Due', time(webhook.release_at)],
  ['Took', webhook.response_time_ms === null ? '—' : `${webhook.response_time_ms} ms`],
])}</div>
</div>
</section>`;
}

export function eventPage(
  frame: PageFrame,
  data: {
    event: StoredEvent;
    webhooks: Webhook[];
    request: SentRequest;
    resendTargets: string[];
    csrfToken: string;
    notice: string | null;
  },
): string {
  const { event } = data;
  const transaction = transactionOf(event);
  const resend = data.resendTargets.length
    ? `<form method="post" action="${dashboardHref('events', event.id, 'send-again')}">
  ${csrfField(data.csrfToken)}
  <p id="send-again-hint">Delivers this event now to ${data.resendTargets.map(code).join(' and ')}, recorded as a new attempt.</p>
  <div class="actions"><button type="submit" aria-describedby="send-again-hint">Send again</button></div>
</form>`
    : `<p>No webhook URL to send to: the invoice has no <code>webhook_url</code> and the project has none; set one on the
${link(DASHBOARD_PATH, 'overview')}.</p>`;
  return dashboardPage(
    frame,
    `<h1>Event ${code(event.id)}</h1>
${notice(data.notice)}
${definitionList([
  ['Type', code(event.name)],
  ['Fired', time(event.fired_at)],
  ['Invoice', link(dashboardHref('invoices', transaction.invoice_id), transaction.invoice_id)],
  ['Transaction', `${code(transaction.id)} (then ${status(transaction.status)})`],
])}
<h2 id="deliveries">Webhook deliveries</h2>
<section class="card" aria-labelledby="deliveries">
${resend}
${data.webhooks.length ? data.webhooks.map((webhook) => attemptSection(webhook, data.request)).join('\n') : '<p class="muted">No delivery attempts yet.</p>'}
</section>
<h2 id="event-data">Event data</h2>
<p>What <code>GET /events/${escapeHtml(event.id)}</code> answers in <code>event.data</code>.</p>
<pre tabindex="0" aria-labelledby="event-data">${escapeHtml(JSON.stringify(event.data, null, 2))}</pre>`,
  );
}

export function resetPage(frame: PageFrame, data: { csrfToken: string; counts: { invoices: number; events: number } }): string {
  return dashboardPage(
    frame,
    `<h1>Reset the sandbox project</h1>
<section class="card" aria-labelledby="reset-heading">
<h2 id="reset-heading">Delete everything of project ${code(frame.projectId ?? '')}?</h2>
<p>This deletes every invoice, transaction, refund, checkout token, event and webhook delivery of this project
(now ${data.counts.invoices} invoice(s) and ${data.counts.events} event(s)), and its idempotency keys. The
project, its credentials, its gateway configurations and the project webhook URL stay. It cannot be undone.</p>
<form method="post" action="${dashboardHref('reset')}">
  ${csrfField(data.csrfToken)}
  <input type="hidden" name="confirm" value="reset">
  <div class="actions">
    <button type="submit" class="danger">Yes, delete all the data</button>
    <a class="button secondary" href="${DASHBOARD_PATH}">No, back to the overview</a>
  </div>
</form>
</section>`,
  );
}

export function messagePage(frame: PageFrame, heading: string, message: string): string {
  return dashboardPage(
    frame,
    `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>\n<p>${link(DASHBOARD_PATH, 'Back to the dashboard overview')}</p>`,
  );
}
