// Fetch an event by its ID, on your backend: what a webhook notification points to.
// Node 20 or later, no dependencies: the API is called with the built-in fetch.
// Run it with: npx tsx fetch-event.ts
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// EVENT_ID (ev_…, the event_id of a webhook notification). Prints the event as JSON.

/** The event fields this sample relies on; the API returns more (see the event reference). */
interface ProcessOutEvent {
  id: string;
  /** The event type, e.g. transaction.captured. */
  name: string;
  fired_at: string;
  sandbox: boolean;
  /** The object the event is about, as it was when the event fired. */
  data: {
    transaction?: { id: string; invoice_id: string; status: string; error_code: string | null };
  };
}

/** An error answered by the API: `errorType` is its `error_type`, e.g. `request.authentication.invalid`. */
class ProcessOutError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`Set the ${name} environment variable.`);
  process.exit(1);
}

const projectId = requireEnv('PROCESSOUT_PROJECT_ID');
const projectSecret = requireEnv('PROCESSOUT_PROJECT_SECRET');
const authorization = `Basic ${Buffer.from(`${projectId}:${projectSecret}`).toString('base64')}`;
// Unset in production. Set it to reach another host, such as the local sandbox.
const apiUrl = process.env.PROCESSOUT_API_URL || 'https://api.processout.com';

/** Calls the API with HTTP Basic auth (your project ID and secret), JSON in and out. */
async function request<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.headers.get('content-type')?.includes('application/json')) {
    throw new Error(`${method} ${apiUrl}${path} answered HTTP ${response.status}, not JSON`);
  }
  const payload = (await response.json()) as ({ success: true } & T) | { success: false; error_type: string; message: string };
  if (!payload.success) throw new ProcessOutError(payload.error_type, payload.message, response.status);
  return payload;
}

const client = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: object) => request<T>('POST', path, body),
};

const eventId = requireEnv('EVENT_ID');

async function main(): Promise<void> {
  // #region fetch-event
  // Only a request signed with your secret key gets the event: this is what proves it is genuine.
  const { event } = await client.get<{ event: ProcessOutEvent }>(`/events/${encodeURIComponent(eventId)}`);
  // #endregion
  // The fields this sample relies on; the event and its transaction have more.
  const transaction = event.data.transaction && {
    id: event.data.transaction.id,
    invoice_id: event.data.transaction.invoice_id,
    status: event.data.transaction.status,
    error_code: event.data.transaction.error_code,
  };
  console.log(JSON.stringify({ id: event.id, name: event.name, fired_at: event.fired_at, data: { transaction } }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof ProcessOutError ? `${error.errorType}: ${error.message}` : error);
  process.exitCode = 1;
});
