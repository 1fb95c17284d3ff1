// `@apm-docs/sandbox/testing`: what the reliability suite asks of a sandbox's database (a Store's, or
// a database file opened with `openStoreFile`) after fuzzing, load and crashes. Every query lives here,
// beside the schema it reads, rather than in the tests: a schema change is made in one package.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store/store.ts';

/**
 * The Node arguments that start the CLI as `npm run sandbox` does, for tests and benchmarks that spawn
 * it as a child process: the flags of its `#!/usr/bin/env -S node …` line (the one place they are
 * written), then its path. Append the CLI's own options.
 */
export function sandboxCliArgv(): string[] {
  const script = fileURLToPath(new URL('../bin/processout-sandbox.mjs', import.meta.url));
  const shebang = /^#!\/usr\/bin\/env -S node (.*)$/.exec(readFileSync(script, 'utf8').split('\n', 1)[0] ?? '');
  if (!shebang) throw new Error(`${script} does not start with "#!/usr/bin/env -S node …"`);
  return [...shebang[1]!.trim().split(/\s+/), script];
}

// "Nothing half-written": relations every committed write must keep. Each query lists offenders.
const CHECKS: Record<string, string> = {
  'invoice without its transaction': `
    SELECT i.id FROM invoices i LEFT JOIN transactions t ON t.id = json_extract(i.data, '$.transaction_id')
    WHERE t.id IS NULL OR t.invoice_id != i.id OR t.project_id != i.project_id`,
  'transaction without its invoice': `
    SELECT t.id FROM transactions t LEFT JOIN invoices i ON i.id = t.invoice_id AND i.project_id = t.project_id
    WHERE i.id IS NULL`,
  'transaction status column differs from its document': `
    SELECT id FROM transactions WHERE status != json_extract(data, '$.status')`,
  'transaction captured more than once': `
    SELECT t.id FROM transactions t
    WHERE (SELECT count(*) FROM json_each(t.data, '$.operations') op WHERE json_extract(op.value, '$.type') = 'capture') > 1`,
  'completed transaction without exactly one capture': `
    SELECT t.id FROM transactions t WHERE t.status = 'completed'
      AND (SELECT count(*) FROM json_each(t.data, '$.operations') op WHERE json_extract(op.value, '$.type') = 'capture') != 1`,
  'capture operations and transaction.captured events disagree': `
    SELECT t.id FROM transactions t
    WHERE (SELECT count(*) FROM json_each(t.data, '$.operations') op WHERE json_extract(op.value, '$.type') = 'capture')
       != (SELECT count(*) FROM events e WHERE e.project_id = t.project_id
             AND json_extract(e.data, '$.name') = 'transaction.captured'
             AND json_extract(e.data, '$.data.transaction.id') = t.id)`,
  'successful authorizations and transaction.authorized events disagree': `
    SELECT t.id FROM transactions t
    WHERE (SELECT count(*) FROM json_each(t.data, '$.operations') op
             WHERE json_extract(op.value, '$.type') = 'authorization' AND json_extract(op.value, '$.has_failed') = 0)
       != (SELECT count(*) FROM events e WHERE e.project_id = t.project_id
             AND json_extract(e.data, '$.name') = 'transaction.authorized'
             AND json_extract(e.data, '$.data.transaction.id') = t.id)`,
  'failed authorizations and transaction.failed events disagree': `
    SELECT t.id FROM transactions t
    WHERE (SELECT count(*) FROM json_each(t.data, '$.operations') op
             WHERE json_extract(op.value, '$.type') = 'authorization' AND json_extract(op.value, '$.has_failed') = 1)
       != (SELECT count(*) FROM events e WHERE e.project_id = t.project_id
             AND json_extract(e.data, '$.name') = 'transaction.failed'
             AND json_extract(e.data, '$.data.transaction.id') = t.id)`,
  'event about a transaction that does not exist': `
    SELECT e.id FROM events e LEFT JOIN transactions t
      ON t.id = json_extract(e.data, '$.data.transaction.id') AND t.project_id = e.project_id
    WHERE t.id IS NULL`,
  'webhook delivery of an event that does not exist': `
    SELECT w.id FROM webhooks w LEFT JOIN events e ON e.id = w.event_id AND e.project_id = w.project_id
    WHERE e.id IS NULL`,
  'token of an invoice that does not exist': `
    SELECT g.token FROM gateway_requests g LEFT JOIN invoices i ON i.id = g.invoice_id AND i.project_id = g.project_id
    WHERE i.id IS NULL`,
  'token used by a transaction that does not exist': `
    SELECT g.token FROM gateway_requests g LEFT JOIN transactions t ON t.id = g.used_by_transaction_id
    WHERE g.used_by_transaction_id IS NOT NULL AND (t.id IS NULL OR t.invoice_id != g.invoice_id)`,
};

/** Problems in the store; empty when every relation holds and SQLite finds the file sound. */
export function storeProblems({ db }: Pick<Store, 'db'>): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${String(integrity)}`);
  for (const [name, sql] of Object.entries(CHECKS)) {
    const rows = db.prepare(sql).raw().all() as unknown[][];
    if (rows.length > 0)
      problems.push(
        `${name}: ${rows
          .slice(0, 5)
          .map((row) => String(row[0]))
          .join(', ')}`,
      );
  }
  return problems;
}

/** Idempotency keys still reserved by a request that never finished (a retry would get 409 forever). */
export function stuckIdempotencyKeys({ db }: Pick<Store, 'db'>): number {
  return (db.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE response IS NULL').get() as { n: number }).n;
}

/** Row counts and a digest of mutable state: equal before and after a request that changed nothing. */
export function storeFingerprint({ db }: Pick<Store, 'db'>): string {
  return JSON.stringify(
    db
      .prepare(
        `SELECT (SELECT count(*) FROM invoices) AS invoices,
                (SELECT count(*) FROM transactions) AS transactions,
                (SELECT total(length(data)) FROM transactions) AS transaction_bytes,
                (SELECT group_concat(status) FROM transactions) AS statuses,
                (SELECT count(*) FROM gateway_requests) AS tokens,
                (SELECT count(*) FROM gateway_requests WHERE used_at IS NOT NULL) AS used_tokens,
                (SELECT count(*) FROM events) AS events,
                (SELECT count(*) FROM webhooks) AS webhooks,
                (SELECT count(*) FROM projects) AS projects,
                (SELECT count(*) FROM gateway_configurations) AS gateway_configurations`,
      )
      .get(),
  );
}

const countOf = (db: Database.Database, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

/**
 * A sandbox's database file opened beside (or after) the process that writes it, with the questions the
 * reliability suite asks of it. `writable` only to plant what a crash would leave behind.
 */
export class StoreFile {
  private readonly db: Database.Database;

  constructor(path: string, { writable = false } = {}) {
    this.db = new Database(path, { readonly: !writable });
  }

  /** The handle `storeProblems`, `stuckIdempotencyKeys` and `storeFingerprint` take. */
  get store(): Pick<Store, 'db'> {
    return { db: this.db };
  }

  invoiceIds(projectId?: string): string[] {
    return this.idsOf('invoices', projectId);
  }

  eventIds(projectId?: string): string[] {
    return this.idsOf('events', projectId);
  }

  private idsOf(table: 'invoices' | 'events', projectId?: string): string[] {
    const select = `SELECT id FROM ${table}`;
    if (projectId === undefined) return this.db.prepare(select).pluck().all() as string[];
    return this.db.prepare(`${select} WHERE project_id = ?`).pluck().all(projectId) as string[];
  }

  eventsNamed(projectId: string, name: string): number {
    return countOf(this.db, "SELECT count(*) AS n FROM events WHERE project_id = ? AND json_extract(data, '$.name') = ?", projectId, name);
  }

  completedTransactions(projectId: string): number {
    return countOf(this.db, "SELECT count(*) AS n FROM transactions WHERE project_id = ? AND status = 'completed'", projectId);
  }

  /** `gway_req_` tokens issued by the checkout. */
  tokens(projectId: string): number {
    return countOf(this.db, 'SELECT count(*) AS n FROM gateway_requests WHERE project_id = ?', projectId);
  }

  /** Webhook delivery attempts, all or those delivered. */
  webhookAttempts({ delivered = false } = {}): number {
    return countOf(this.db, `SELECT count(*) AS n FROM webhooks${delivered ? " WHERE status = 'delivered'" : ''}`);
  }

  /** Deliveries waiting for their first or next attempt, or in flight. */
  queuedWebhooks(): number {
    return countOf(this.db, "SELECT count(*) AS n FROM webhooks WHERE status IN ('pending', 'sending')");
  }

  /** Events of the project delivered other than exactly once. */
  eventsNotDeliveredOnce(projectId: string): number {
    return this.db
      .prepare("SELECT count(*) AS n FROM webhooks WHERE project_id = ? AND status = 'delivered' GROUP BY event_id HAVING n != 1")
      .all(projectId).length;
  }

  /** Values of `metadata[key]` carried by more than one invoice. */
  duplicatedMetadata(key: string): number {
    return this.db.prepare('SELECT count(*) AS n FROM invoices GROUP BY json_extract(data, ?) HAVING n > 1').all(`$.metadata.${key}`)
      .length;
  }

  /** What a kill between reserving an Idempotency-Key and answering leaves: a reservation without a response. */
  plantUnansweredReservation(projectId: string, key: string, route: string): void {
    this.db
      .prepare('INSERT INTO idempotency_keys (project_id, idempotency_key, route, body_hash, created_at_ms) VALUES (?, ?, ?, ?, ?)')
      .run(projectId, key, route, 'hash-of-the-lost-request', Date.now());
  }

  close(): void {
    this.db.close();
  }
}

/** Invoices in a running in-process sandbox's store. */
export function invoiceCount({ db }: Pick<Store, 'db'>): number {
  return countOf(db, 'SELECT count(*) AS n FROM invoices');
}
