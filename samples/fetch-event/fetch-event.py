"""Fetch an event by its ID: what a webhook notification points to.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set; EVENT_ID (ev_..., the event_id of a webhook
notification). Prints the event type and its transaction's status.
"""

import os
import sys

import processout

client = processout.ProcessOut(
    os.environ["PROCESSOUT_PROJECT_ID"],
    os.environ["PROCESSOUT_PROJECT_SECRET"],
)
if os.environ.get("PROCESSOUT_API_URL"):
    client.host = os.environ["PROCESSOUT_API_URL"]

# The SDK raises one of these when a call fails; .code is the API's
# error_type, such as resource.event.not-found.
API_ERRORS = (
    processout.AuthenticationError,
    processout.GenericError,
    processout.InternalError,
    processout.NotFoundError,
    processout.ValidationError,
)

try:
    # #region fetch-event
    # Only a request signed with your secret key gets the event: this is
    # what proves it is genuine.
    event = client.new_event().find(os.environ["EVENT_ID"])
    transaction = event.data.get("transaction") or {}
    # #endregion
except API_ERRORS as error:
    sys.exit(f"{error.code}: {error.message}")

print(f"{event.id} {event.name}: transaction {transaction.get('status')}")
