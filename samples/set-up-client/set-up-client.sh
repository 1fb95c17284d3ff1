#!/usr/bin/env bash
# Configure curl calls to the ProcessOut API, then check the credentials.
# Run it with: bash set-up-client.sh
# Prints {"success": true} for a valid project ID and secret; otherwise prints the API error and fails.
set -euo pipefail

# #region set-up-client
# In your shell, or your server's secret store (never in the code):
#   export PROCESSOUT_PROJECT_ID=<your project ID>
#   export PROCESSOUT_PROJECT_SECRET=<your project secret key>
# Optional, to reach another host such as the local sandbox:
#   export PROCESSOUT_API_URL=http://127.0.0.1:4010
: "${PROCESSOUT_PROJECT_ID:?export PROCESSOUT_PROJECT_ID first}"
: "${PROCESSOUT_PROJECT_SECRET:?export PROCESSOUT_PROJECT_SECRET first}"
api_url="${PROCESSOUT_API_URL:-https://api.processout.com}"

# Every call authenticates with HTTP Basic auth: project ID as user, secret key as password.
curl -X GET "$api_url/" \
  -sS --fail-with-body \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET"
# #endregion
