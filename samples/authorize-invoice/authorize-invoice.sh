#!/usr/bin/env bash
# Authorize an invoice with the token the APM checkout returned, on your backend.
# Run it with: bash authorize-invoice.sh
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# INVOICE_ID (iv_…) and GATEWAY_TOKEN (the gway_req_… token from the checkout).
# Prints the API's JSON answer: {"success": true, "transaction": {"status": …, …}}.
set -euo pipefail
: "${INVOICE_ID:?set INVOICE_ID to the invoice to authorize (iv_…)}"
: "${GATEWAY_TOKEN:?set GATEWAY_TOKEN to the gway_req_… token from the checkout}"

# #region authorize-invoice
api_url="${PROCESSOUT_API_URL:-https://api.processout.com}"
# --data-urlencode: a "+" in the token would otherwise reach the API as a space.
curl -X POST "$api_url/invoices/$INVOICE_ID/authorize" \
  -sS --fail-with-body \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \
  --data-urlencode source="$GATEWAY_TOKEN"
# #endregion
