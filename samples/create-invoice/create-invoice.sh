#!/usr/bin/env bash
# Create an APM-ready invoice whose return_url brings the customer back to your web checkout.
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
# Prints the API's JSON answer: {"success": true, "invoice": {...}}.
set -euo pipefail

# #region create-invoice
curl -sS --fail-with-body "${PROCESSOUT_API_URL:-https://api.processout.com}/invoices" \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \
  --data-urlencode name="Amazing item" \
  -d amount="9.99" \
  -d currency="USD" \
  --data-urlencode return_url="https://www.example.com/checkout/return"
# #endregion
