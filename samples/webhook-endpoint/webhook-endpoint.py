"""A minimal endpoint for ProcessOut webhooks, with http.server.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set; PORT (default 3001) and HOST (default
127.0.0.1; 0.0.0.0 accepts connections from other machines).

It listens for POST /webhooks/processout, answers at once, then fetches
each event with the secret key before trusting it. It prints one JSON
line per verified event on stdout, everything else on stderr.
"""

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import processout

client = processout.ProcessOut(
    os.environ["PROCESSOUT_PROJECT_ID"],
    os.environ["PROCESSOUT_PROJECT_SECRET"],
)
if os.environ.get("PROCESSOUT_API_URL"):
    client.host = os.environ["PROCESSOUT_API_URL"]

# #region webhook-endpoint
# Delivery is at least once: remember the events handled (or being
# handled) to skip a redelivery. In production keep them in your
# database, with a unique key on the event ID.
handled_events: set[str] = set()
handled_events_lock = threading.Lock()


def handle_notification(event_id: str) -> None:
    """Handle one notification, after the endpoint answered 200."""
    with handled_events_lock:
        if event_id in handled_events:
            print(f"{event_id}: already handled, ignored", file=sys.stderr)
            return
        handled_events.add(event_id)

    # Trust nothing in the notification but its ID: fetch the event with
    # your secret key.
    try:
        event = client.new_event().find(event_id)
    except Exception as error:  # Any failure means "not verified".
        # Forget the event, so that a later delivery tries again.
        with handled_events_lock:
            handled_events.discard(event_id)
        print(f"{event_id}: could not be verified ({error}), ignored",
              file=sys.stderr)
        return

    transaction = event.data.get("transaction") or {}
    if event.name == "transaction.captured":
        pass  # Paid: fulfil the order of transaction["invoice_id"].
    elif event.name == "transaction.failed":
        pass  # Declined: release the order, ask for another payment.
    print(json.dumps({
        "event_id": event.id,
        "event_type": event.name,
        "invoice_id": transaction.get("invoice_id"),
        "transaction_id": transaction.get("id"),
        "status": transaction.get("status"),
    }), flush=True)
# #endregion


# The HTTP server: POST /webhooks/processout with a JSON body that names
# an event, anything else refused.
PATH = "/webhooks/processout"
MAX_BODY_BYTES = 64 * 1024


class WebhookHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        if self.path != PATH:
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.send_error(413)
            return
        try:
            event_id = json.loads(self.rfile.read(length))["event_id"]
        except (ValueError, KeyError, TypeError):
            event_id = None
        if not isinstance(event_id, str) or not event_id:
            self.send_error(400)
            return

        # Answer before the work: ProcessOut waits for a 2xx, and
        # retries a slow answer as a failure.
        self.send_response(200)
        self.end_headers()
        threading.Thread(target=handle_notification, args=(event_id,)).start()


host = os.environ.get("HOST", "127.0.0.1")
server = ThreadingHTTPServer((host, int(os.environ.get("PORT", 3001))),
                             WebhookHandler)
print(f"Listening for ProcessOut webhooks on "
      f"http://{host}:{server.server_port}{PATH}", file=sys.stderr)
server.serve_forever()
