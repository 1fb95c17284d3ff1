import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the merchant's endpoint does with one delivery. */
export type ReceiverAction =
  | { kind: 'answer'; status: number; delayMs?: number }
  /** Reads the request and never answers. */
  | { kind: 'hang' }
  /** Drops the connection without an answer. */
  | { kind: 'close' };

export interface ReceivedDelivery {
  eventId: string;
  eventType: string;
  action: ReceiverAction;
  atMs: number;
}

export const OK: ReceiverAction = { kind: 'answer', status: 200 };

/**
 * A merchant webhook endpoint on 127.0.0.1 whose behaviour is chosen per delivery:
 * `decide(n)` gets how many deliveries of this event it saw before (0 for the first).
 */
export async function startWebhookReceiver(decide: (previousDeliveries: number) => ReceiverAction = () => OK, port = 0) {
  const received: ReceivedDelivery[] = [];
  let decider = decide;
  let open = 0;
  let maxOpen = 0;
  const server: Server = createServer((req, res) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    res.on('close', () => open--);
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { event_id: string; event_type: string };
      const action = decider(received.filter((d) => d.eventId === body.event_id).length);
      received.push({ eventId: body.event_id, eventType: body.event_type, action, atMs: Date.now() });
      switch (action.kind) {
        case 'hang':
          return;
        case 'close':
          req.socket.destroy();
          return;
        case 'answer': {
          const answer = () => res.writeHead(action.status, { 'content-type': 'text/plain' }).end(action.status < 300 ? 'ok' : 'not now');
          if (action.delayMs) setTimeout(answer, action.delayMs);
          else answer();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${boundPort}/webhooks`,
    port: boundPort,
    received,
    /** The most deliveries this endpoint had open at the same time. */
    maxConcurrent: () => maxOpen,
    /** Event ids that got a 2xx answer at least once. */
    acknowledged: () => new Set(received.filter((d) => d.action.kind === 'answer' && d.action.status < 300).map((d) => d.eventId)),
    behave(next: (previousDeliveries: number) => ReceiverAction) {
      decider = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** A loopback port with nothing listening on it (an endpoint that is down). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
