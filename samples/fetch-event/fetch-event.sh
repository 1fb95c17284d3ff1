#!/usr/bin/env bash
# Fetch an event by its ID, on your backend: what a webhook notification points to.
# Run it with: bash fetch-event.sh
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# EVENT_ID (ev_…, the event_id of a webhook notification).
# Prints the API's JSON answer: {"success": true, "event": {"name": …, "data": {…}, …}}.
set -euo pipefail
: "${EVENT_ID:?set EVENT_ID to the event_id of a webhook notification (ev_…)}"

# #region fetch-event
api_url="${PROCESSOUT_API_URL:-https://api.processout.com}"
# Only a request signed with your secret key gets the event: that proves it is genuine.
curl -X GET "$api_url/events/$EVENT_ID" \
  -sS --fail-with-body \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET"
# #endregion
