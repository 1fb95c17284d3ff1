import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// Resources are kept as JSON documents (`data`) next to the few columns the sandbox queries on.
// `seq` gives a stable creation order for listing and cursors.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS gateway_configurations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS gateway_configurations_project ON gateway_configurations (project_id, seq);
CREATE TABLE IF NOT EXISTS invoices (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS invoices_project ON invoices (project_id, seq);
CREATE TABLE IF NOT EXISTS transactions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  invoice_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  pending_until_ms INTEGER,
  pending_target TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS transactions_pending ON transactions (status, pending_until_ms);
CREATE TABLE IF NOT EXISTS gateway_requests (
  token TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  invoice_id TEXT NOT NULL,
  gateway_configuration_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_by_transaction_id TEXT,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_project ON events (project_id, seq);
CREATE TABLE IF NOT EXISTS webhooks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  request_url TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status TEXT NOT NULL,
  first_attempt_ms INTEGER NOT NULL,
  release_at_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  response_code INTEGER,
  response_body TEXT,
  response_headers TEXT,
  response_time_ms INTEGER,
  error_message TEXT
);
CREATE INDEX IF NOT EXISTS webhooks_due ON webhooks (status, release_at_ms);
CREATE INDEX IF NOT EXISTS webhooks_event ON webhooks (event_id, seq);
CREATE TABLE IF NOT EXISTS refunds (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  transaction_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS refunds_transaction ON refunds (project_id, transaction_id, seq);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  project_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  route TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  status_code INTEGER,
  response TEXT,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (project_id, idempotency_key, route)
);
`;

/** Columns added after the first release: a database file written by an older sandbox gets them. */
const ADDED_COLUMNS: { table: string; column: string; type: string }[] = [
  { table: 'webhooks', column: 'response_headers', type: 'TEXT' },
  // The project-level webhook endpoint (--webhook-url, or set on the dashboard).
  { table: 'projects', column: 'webhook_url', type: 'TEXT' },
];

function addMissingColumns(db: Database.Database): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.pragma(`table_info(${table})`) as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

/** Opens (and creates) the database: ':memory:' for tests, a file for the CLI. */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addMissingColumns(db);
  return db;
}
