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

interface ApiError {
  success: false;
  error_type: string;
  message: string;
}

/** An error answered by the API, e.g. `request.authentication.invalid`. */
class ProcessOutError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = "ProcessOutError";
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`Set the ${name} environment variable.`);
  process.exit(1);
}

/** A tiny typed client: HTTP Basic auth with your project ID and secret, JSON in and out. */
function createProcessOutClient(options: { projectId: string; projectSecret: string; apiUrl: string }) {
  const credentials = Buffer.from(`${options.projectId}:${options.projectSecret}`).toString("base64");

  async function request<T>(method: "GET" | "POST", path: string, body?: object): Promise<T> {
    const url = `${options.apiUrl}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Basic ${credentials}`,
        Accept: "application/json",
        "Content-Type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.headers.get("content-type")?.includes("application/json")) {
      throw new Error(`Expected JSON from ${method} ${url}, got HTTP ${response.status}`);
    }
    const payload = (await response.json()) as (T & { success: true }) | ApiError;
    if (!payload.success) throw new ProcessOutError(payload.error_type, payload.message);
    return payload;
  }

  return {
    get: <T>(path: string) => request<T>("GET", path),
    post: <T>(path: string, body: object) => request<T>("POST", path, body),
  };
}

const client = createProcessOutClient({
  projectId: requireEnv("PROCESSOUT_PROJECT_ID"),
  projectSecret: requireEnv("PROCESSOUT_PROJECT_SECRET"),
  // Unset in production. Set it to reach another host, such as the local sandbox.
  apiUrl: process.env.PROCESSOUT_API_URL || "https://api.processout.com",
});

const eventId = requireEnv("EVENT_ID");

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
