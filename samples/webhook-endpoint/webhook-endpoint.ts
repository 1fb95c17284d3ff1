// A minimal endpoint for ProcessOut webhooks, with Node's http module (Node 20 or later, no dependencies).
// Run it with: npx tsx webhook-endpoint.ts
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// PORT (default 3001) and HOST (default 127.0.0.1; 0.0.0.0 accepts connections from other machines).
// It listens for POST /webhooks/processout, answers at once, then fetches each event with the secret
// key before trusting it. It prints one JSON line per verified event on stdout, everything else on stderr.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** The event fields this sample relies on; the API returns more (see the event reference). */
interface ProcessOutEvent {
  id: string;
  /** The event type, e.g. transaction.captured. */
  name: string;
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

// #region webhook-endpoint
// Delivery is at least once: remember the events handled (or being handled) to skip a redelivery.
// In production keep them in your database, with a unique key on the event ID.
const handledEvents = new Set<string>();

/** Handles one notification, after the endpoint answered 200 (below): a slow answer counts as a failure. */
async function handleNotification(eventId: string): Promise<void> {
  if (handledEvents.has(eventId)) {
    console.error(`${eventId}: already handled, ignored`);
    return;
  }
  handledEvents.add(eventId);

  // Trust nothing in the notification but its ID: fetch the event with your secret key.
  let event: ProcessOutEvent;
  try {
    ({ event } = await client.get<{ event: ProcessOutEvent }>(`/events/${encodeURIComponent(eventId)}`));
  } catch (error) {
    // Not verified: forget the event, so that a later delivery tries again.
    handledEvents.delete(eventId);
    const reason = error instanceof ProcessOutError ? error.errorType : String(error);
    console.error(`${eventId}: could not be verified (${reason}), ignored`);
    return;
  }

  const transaction = event.data.transaction;
  switch (event.name) {
    case 'transaction.captured': // Paid: fulfil the order of transaction.invoice_id.
      break;
    case 'transaction.failed': // Declined: release the order, and ask for another payment.
      break;
    // transaction.pending, transaction.authorized, transaction.voided…: update the order's status.
  }
  console.log(
    JSON.stringify({
      event_id: event.id,
      event_type: event.name,
      invoice_id: transaction?.invoice_id ?? null,
      transaction_id: transaction?.id ?? null,
      status: transaction?.status ?? null,
    }),
  );
}
// #endregion

// The HTTP server: POST /webhooks/processout with a JSON body that names an event, anything else refused.
const PATH = '/webhooks/processout';
const MAX_BODY_BYTES = 64 * 1024;

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers).end();
}

async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.url !== PATH) {
    reply(response, 404);
    return;
  }
  if (request.method !== 'POST') {
    reply(response, 405, { Allow: 'POST' });
    return;
  }

  let eventId: unknown;
  try {
    ({ event_id: eventId } = JSON.parse(await readBody(request)) as { event_id?: unknown });
  } catch (error) {
    reply(response, error instanceof BodyTooLargeError ? 413 : 400);
    return;
  }
  if (typeof eventId !== 'string' || eventId === '') {
    reply(response, 400);
    return;
  }

  // Answer before the work: ProcessOut waits for a 2xx, and retries a slow answer as a failure.
  reply(response, 200);
  await handleNotification(eventId);
}

const server = createServer((request, response) => {
  handleRequest(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) reply(response, 500);
  });
});

const host = process.env.HOST || '127.0.0.1';
server.listen(Number(process.env.PORT || 3001), host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : process.env.PORT;
  console.error(`Listening for ProcessOut webhooks on http://${host}:${port}${PATH}`);
});
