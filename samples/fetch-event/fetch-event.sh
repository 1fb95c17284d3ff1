#!/usr/bin/env bash
# Fetch an event by its ID, on your backend: what a webhook notification points to.
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# EVENT_ID (ev_…, the event_id of a webhook notification).
# Prints the API's JSON answer: {"success": true, "event": {"name": …, "data": {…}, …}}.
set -euo pipefail
: "${EVENT_ID:?set EVENT_ID to the event_id of a webhook notification (ev_…)}"

# #region fetch-event
# Only a request signed with your secret key gets the event: this is what proves it is genuine.
curl -sS --fail-with-body "${PROCESSOUT_API_URL:-https://api.processout.com}/events/$EVENT_ID" \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET"
# #endregion
