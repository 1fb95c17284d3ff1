import type Database from 'better-sqlite3';
import type { StoredEvent, Webhook } from '../schemas/event.ts';
import type { GatewayConfiguration } from '../schemas/gateway-configuration.ts';
import type { StoredInvoice } from '../schemas/invoice.ts';
import type { Refund, Transaction } from '../schemas/transaction.ts';
import { IN_MEMORY, openDatabase } from './database.ts';

export interface Project {
  id: string;
  secret: string;
}

export interface ListOptions {
  limit: number;
  order: 'asc' | 'desc';
  startAfter?: string;
  endBefore?: string;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** What capturing or authorizing with the token does (the outcome chosen on the test checkout). */
export type PaymentOutcome = 'approve' | 'pending' | 'decline-at-capture';

export interface GatewayRequest {
  token: string;
  project_id: string;
  invoice_id: string;
  gateway_configuration_id: string;
  outcome: PaymentOutcome;
  created_at: string;
  used_by_transaction_id: string | null;
  used_at: string | null;
}

/** What a pending transaction turns into when its delay is over. */
export type PendingTarget = 'authorized' | 'completed';

export interface WebhookRow {
  id: string;
  project_id: string;
  event_id: string;
  event_type: string;
  request_url: string;
  attempt: number;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  first_attempt_ms: number;
  release_at_ms: number;
  created_at: string;
  response_code: number | null;
  response_body: string | null;
  response_headers: string | null;
  response_time_ms: number | null;
  error_message: string | null;
}

export interface StoredIdempotentResponse {
  body_hash: string;
  status_code: number | null;
  response: string | null;
}

type ListTable = 'invoices' | 'events';

/** All persistence. Every method is synchronous (better-sqlite3); wrap multi-step writes in `transaction`. */
export class Store {
  readonly db: Database.Database;

  /** Prepared once per SQL text: compiling a statement costs more than running it. */
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * Known projects, read on every authenticated request: only upsertProject writes them. Unknown ids
   * are not kept, so requests with made-up ids cannot grow it.
   */
  private readonly projects = new Map<string, Project>();

  /**
   * One wrapper for every transaction (building one per call showed in profiles); nested calls
   * become savepoints, as with any better-sqlite3 transaction function.
   */
  private readonly runInTransaction: (fn: () => unknown) => unknown;

  constructor(path = IN_MEMORY) {
    this.db = openDatabase(path);
    this.runInTransaction = this.db.transaction((fn: () => unknown) => fn());
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` atomically: either every write in it lands or none does. */
  transaction<T>(fn: () => T): T {
    return this.runInTransaction(fn) as T;
  }

  // Projects

  upsertProject(project: Project): void {
    this.statement(
      'INSERT INTO projects (id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET secret = excluded.secret',
    ).run(project.id, project.secret, new Date().toISOString());
    this.projects.delete(project.id);
  }

  findProject(id: string): Project | undefined {
    let project = this.projects.get(id);
    if (!project) {
      project = this.statement('SELECT id, secret FROM projects WHERE id = ?').get(id) as Project | undefined;
      if (project) this.projects.set(id, project);
    }
    return project;
  }

  /** The project-level webhook endpoint that receives every event, or null. */
  projectWebhookUrl(projectId: string): string | null {
    const row = this.statement('SELECT webhook_url FROM projects WHERE id = ?').get(projectId) as
      { webhook_url: string | null } | undefined;
    return row?.webhook_url ?? null;
  }

  setProjectWebhookUrl(projectId: string, url: string | null): void {
    this.statement('UPDATE projects SET webhook_url = ? WHERE id = ?').run(url, projectId);
  }

  /** How many invoices and events the project has (the dashboard's reset page). */
  countProjectData(projectId: string): { invoices: number; events: number } {
    return this.statement(
      'SELECT (SELECT COUNT(*) FROM invoices WHERE project_id = @projectId) AS invoices, (SELECT COUNT(*) FROM events WHERE project_id = @projectId) AS events',
    ).get({ projectId }) as { invoices: number; events: number };
  }

  /** Deletes every object of the project (invoices, payments, events, deliveries, idempotency keys); keeps its settings. */
  deleteProjectData(projectId: string): void {
    this.transaction(() => {
      for (const table of ['webhooks', 'events', 'refunds', 'gateway_requests', 'transactions', 'invoices', 'idempotency_keys']) {
        this.statement(`DELETE FROM ${table} WHERE project_id = ?`).run(projectId);
      }
    });
  }

  // Gateway configurations

  insertGatewayConfigurationIfMissing(conf: GatewayConfiguration): void {
    this.statement('INSERT OR IGNORE INTO gateway_configurations (id, project_id, data) VALUES (?, ?, ?)').run(
      conf.id,
      conf.project_id,
      JSON.stringify(conf),
    );
  }

  listGatewayConfigurations(projectId: string): GatewayConfiguration[] {
    const rows = this.statement('SELECT data FROM gateway_configurations WHERE project_id = ? ORDER BY seq').all(projectId) as {
      data: string;
    }[];
    return rows.map((row) => JSON.parse(row.data) as GatewayConfiguration);
  }

  findGatewayConfiguration(projectId: string, id: string): GatewayConfiguration | undefined {
    const row = this.statement('SELECT data FROM gateway_configurations WHERE project_id = ? AND id = ?').get(projectId, id) as
      { data: string } | undefined;
    return row && (JSON.parse(row.data) as GatewayConfiguration);
  }

  // Invoices

  insertInvoice(invoice: StoredInvoice): void {
    this.statement('INSERT INTO invoices (id, project_id, data) VALUES (?, ?, ?)').run(
      invoice.id,
      invoice.project_id,
      JSON.stringify(invoice),
    );
  }

  findInvoice(projectId: string, id: string): StoredInvoice | undefined {
    const row = this.statement('SELECT data FROM invoices WHERE project_id = ? AND id = ?').get(projectId, id) as
      { data: string } | undefined;
    return row && (JSON.parse(row.data) as StoredInvoice);
  }

  deleteInvoice(projectId: string, id: string): void {
    this.statement('DELETE FROM gateway_requests WHERE project_id = ? AND invoice_id = ?').run(projectId, id);
    this.statement('DELETE FROM transactions WHERE project_id = ? AND invoice_id = ?').run(projectId, id);
    this.statement('DELETE FROM invoices WHERE project_id = ? AND id = ?').run(projectId, id);
  }

  listInvoices(projectId: string, options: ListOptions): Page<StoredInvoice> {
    return this.listPage<StoredInvoice>('invoices', projectId, options);
  }

  // Transactions

  insertTransaction(transaction: Transaction): void {
    this.statement('INSERT INTO transactions (id, project_id, invoice_id, status, data) VALUES (?, ?, ?, ?, ?)').run(
      transaction.id,
      transaction.project_id,
      transaction.invoice_id,
      transaction.status,
      JSON.stringify(transaction),
    );
  }

  /** Saves the transaction; `pending` schedules its automatic transition. */
  updateTransaction(transaction: Transaction, pending?: { untilMs: number; target: PendingTarget }): void {
    this.statement('UPDATE transactions SET status = ?, pending_until_ms = ?, pending_target = ?, data = ? WHERE id = ?').run(
      transaction.status,
      pending?.untilMs ?? null,
      pending?.target ?? null,
      JSON.stringify(transaction),
      transaction.id,
    );
  }

  findTransaction(projectId: string, id: string): Transaction | undefined {
    const row = this.statement('SELECT data FROM transactions WHERE project_id = ? AND id = ?').get(projectId, id) as
      { data: string } | undefined;
    return row && (JSON.parse(row.data) as Transaction);
  }

  findTransactionByInvoice(projectId: string, invoiceId: string): Transaction | undefined {
    const row = this.statement('SELECT data FROM transactions WHERE project_id = ? AND invoice_id = ?').get(projectId, invoiceId) as
      { data: string } | undefined;
    return row && (JSON.parse(row.data) as Transaction);
  }

  duePendingTransactions(nowMs: number): { transaction: Transaction; target: PendingTarget }[] {
    const rows = this.statement(
      "SELECT data, pending_target FROM transactions WHERE status = 'pending' AND pending_until_ms <= ? ORDER BY pending_until_ms",
    ).all(nowMs) as { data: string; pending_target: PendingTarget }[];
    return rows.map((row) => ({ transaction: JSON.parse(row.data) as Transaction, target: row.pending_target }));
  }

  nextPendingTransactionDueMs(): number | null {
    const row = this.statement("SELECT MIN(pending_until_ms) AS due FROM transactions WHERE status = 'pending'").get() as {
      due: number | null;
    };
    return row.due;
  }

  // Refunds

  insertRefund(refund: Refund): void {
    this.statement('INSERT INTO refunds (id, project_id, transaction_id, data) VALUES (?, ?, ?, ?)').run(
      refund.id,
      refund.project_id,
      refund.transaction_id,
      JSON.stringify(refund),
    );
  }

  /** A transaction's refunds, oldest first. */
  listRefunds(projectId: string, transactionId: string): Refund[] {
    const rows = this.statement('SELECT data FROM refunds WHERE project_id = ? AND transaction_id = ? ORDER BY seq').all(
      projectId,
      transactionId,
    ) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as Refund);
  }

  // Gateway requests (gway_req_ tokens)

  insertGatewayRequest(request: GatewayRequest): void {
    this.statement(
      `INSERT INTO gateway_requests (token, project_id, invoice_id, gateway_configuration_id, outcome, created_at)
       VALUES (@token, @project_id, @invoice_id, @gateway_configuration_id, @outcome, @created_at)`,
    ).run(request);
  }

  findGatewayRequest(token: string): GatewayRequest | undefined {
    return this.statement('SELECT * FROM gateway_requests WHERE token = ?').get(token) as GatewayRequest | undefined;
  }

  markGatewayRequestUsed(token: string, transactionId: string, at: string): void {
    this.statement('UPDATE gateway_requests SET used_by_transaction_id = ?, used_at = ? WHERE token = ?').run(transactionId, at, token);
  }

  // Events

  insertEvent(event: StoredEvent): void {
    this.statement('INSERT INTO events (id, project_id, data) VALUES (?, ?, ?)').run(event.id, event.project_id, JSON.stringify(event));
  }

  findEvent(projectId: string, id: string): StoredEvent | undefined {
    const row = this.statement('SELECT data FROM events WHERE project_id = ? AND id = ?').get(projectId, id) as
      { data: string } | undefined;
    return row && (JSON.parse(row.data) as StoredEvent);
  }

  listEvents(projectId: string, options: ListOptions): Page<StoredEvent> {
    return this.listPage<StoredEvent>('events', projectId, options);
  }

  /** Events about a resource: its transaction, the transaction's invoice, or a refund; newest first. */
  listEventsByResource(projectId: string, resourceId: string): StoredEvent[] {
    const rows = this.statement(
      `SELECT data FROM events WHERE project_id = @projectId AND (
         json_extract(data, '$.data.transaction.id') = @resourceId OR json_extract(data, '$.data.transaction.invoice_id') = @resourceId
         OR json_extract(data, '$.data.refund.id') = @resourceId)
       ORDER BY seq DESC`,
    ).all({ projectId, resourceId }) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as StoredEvent);
  }

  // Webhook deliveries: one row per attempt; `pending` rows are the queue.

  insertWebhook(row: WebhookRow): void {
    this.statement(
      `INSERT INTO webhooks (id, project_id, event_id, event_type, request_url, attempt, status, first_attempt_ms,
         release_at_ms, created_at, response_code, response_body, response_headers, response_time_ms, error_message)
       VALUES (@id, @project_id, @event_id, @event_type, @request_url, @attempt, @status, @first_attempt_ms,
         @release_at_ms, @created_at, @response_code, @response_body, @response_headers, @response_time_ms, @error_message)`,
    ).run(row);
  }

  /** Marks due pending deliveries as `sending` and returns them, so no delivery is sent twice at once. */
  claimDueWebhooks(nowMs: number, limit: number): WebhookRow[] {
    return this.transaction(() => {
      const rows = this.statement(
        "SELECT * FROM webhooks WHERE status = 'pending' AND release_at_ms <= ? ORDER BY release_at_ms LIMIT ?",
      ).all(nowMs, limit) as WebhookRow[];
      const claim = this.statement("UPDATE webhooks SET status = 'sending' WHERE id = ?");
      for (const row of rows) claim.run(row.id);
      return rows.map((row) => ({ ...row, status: 'sending' as const }));
    });
  }

  /** Deliveries interrupted by a stop are sent again (at-least-once). */
  requeueInterruptedWebhooks(): void {
    this.statement("UPDATE webhooks SET status = 'pending' WHERE status = 'sending'").run();
  }

  finishWebhook(
    id: string,
    result: Pick<WebhookRow, 'status' | 'response_code' | 'response_body' | 'response_headers' | 'response_time_ms' | 'error_message'>,
  ): void {
    this.statement(
      `UPDATE webhooks SET status = @status, response_code = @response_code, response_body = @response_body,
         response_headers = @response_headers, response_time_ms = @response_time_ms, error_message = @error_message WHERE id = @id`,
    ).run({ id, ...result });
  }

  nextWebhookDueMs(): number | null {
    const row = this.statement("SELECT MIN(release_at_ms) AS due FROM webhooks WHERE status = 'pending'").get() as {
      due: number | null;
    };
    return row.due;
  }

  /** The newest attempt of an event's delivery to one URL (the dashboard's "send again"). */
  latestWebhook(projectId: string, eventId: string, url: string): WebhookRow | undefined {
    return this.statement('SELECT * FROM webhooks WHERE project_id = ? AND event_id = ? AND request_url = ? ORDER BY seq DESC LIMIT 1').get(
      projectId,
      eventId,
      url,
    ) as WebhookRow | undefined;
  }

  /** Makes a queued (pending) attempt due now; false when it is no longer pending. */
  releaseWebhookNow(id: string, nowMs: number): boolean {
    return this.statement("UPDATE webhooks SET release_at_ms = ? WHERE id = ? AND status = 'pending'").run(nowMs, id).changes === 1;
  }

  listWebhooks(projectId: string, eventId: string): Webhook[] {
    const rows = this.statement('SELECT * FROM webhooks WHERE project_id = ? AND event_id = ? ORDER BY seq').all(
      projectId,
      eventId,
    ) as WebhookRow[];
    return rows.map((row) => ({
      id: row.id,
      project_id: row.project_id,
      event_id: row.event_id,
      request_url: row.request_url,
      request_method: 'POST',
      attempt: row.attempt,
      status: row.status === 'sending' ? 'pending' : row.status,
      response_code: row.response_code === null ? null : String(row.response_code),
      response_body: row.response_body,
      response_headers: row.response_headers,
      response_time_ms: row.response_time_ms,
      error_message: row.error_message,
      created_at: row.created_at,
      release_at: new Date(row.release_at_ms).toISOString(),
    }));
  }

  // Idempotency keys

  findIdempotentResponse(projectId: string, key: string, route: string): StoredIdempotentResponse | undefined {
    return this.statement(
      'SELECT body_hash, status_code, response FROM idempotency_keys WHERE project_id = ? AND idempotency_key = ? AND route = ?',
    ).get(projectId, key, route) as StoredIdempotentResponse | undefined;
  }

  /** Claims the key for a request in progress; false when another request holds it already. */
  reserveIdempotencyKey(projectId: string, key: string, route: string, bodyHash: string, nowMs: number, ttlMs: number): boolean {
    return this.transaction(() => {
      this.statement('DELETE FROM idempotency_keys WHERE created_at_ms < ?').run(nowMs - ttlMs);
      const result = this.statement(
        'INSERT OR IGNORE INTO idempotency_keys (project_id, idempotency_key, route, body_hash, created_at_ms) VALUES (?, ?, ?, ?, ?)',
      ).run(projectId, key, route, bodyHash, nowMs);
      return result.changes === 1;
    });
  }

  saveIdempotentResponse(projectId: string, key: string, route: string, statusCode: number, response: string): void {
    this.statement(
      'UPDATE idempotency_keys SET status_code = ?, response = ? WHERE project_id = ? AND idempotency_key = ? AND route = ?',
    ).run(statusCode, response, projectId, key, route);
  }

  releaseIdempotencyKey(projectId: string, key: string, route: string): void {
    this.statement('DELETE FROM idempotency_keys WHERE project_id = ? AND idempotency_key = ? AND route = ? AND response IS NULL').run(
      projectId,
      key,
      route,
    );
  }

  /** Reservations left by requests a crash cut short: nothing is processing them any more. */
  releaseUnfinishedIdempotencyKeys(): void {
    this.statement('DELETE FROM idempotency_keys WHERE response IS NULL').run();
  }

  // Listing with cursors, newest first by default. start_after gives the page that follows the cursor
  // in the listing order; end_before the page just before it (read from the cursor backwards, then
  // returned in the listing order). has_more says whether more objects lie beyond the page, away from
  // the cursor.

  private listPage<T>(table: ListTable, projectId: string, options: ListOptions): Page<T> {
    const conditions = ['project_id = @projectId'];
    const params: Record<string, unknown> = { projectId, limit: options.limit + 1 };
    const forward = options.order === 'asc';
    const seqOf = (param: string) => `(SELECT seq FROM ${table} WHERE id = @${param} AND project_id = @projectId)`;
    if (options.startAfter) {
      params.startAfter = options.startAfter;
      conditions.push(`seq ${forward ? '>' : '<'} ${seqOf('startAfter')}`);
    }
    if (options.endBefore) {
      params.endBefore = options.endBefore;
      conditions.push(`seq ${forward ? '<' : '>'} ${seqOf('endBefore')}`);
    }
    const backwards = Boolean(options.endBefore) && !options.startAfter;
    const ascending = forward !== backwards;
    const rows = this.statement(
      `SELECT data FROM ${table} WHERE ${conditions.join(' AND ')} ORDER BY seq ${ascending ? 'ASC' : 'DESC'} LIMIT @limit`,
    ).all(params) as { data: string }[];
    const page = rows.slice(0, options.limit).map((row) => JSON.parse(row.data) as T);
    return { items: backwards ? page.reverse() : page, hasMore: rows.length > options.limit };
  }
}
