#!/usr/bin/env bash
# Create an APM-ready invoice whose return_url brings the customer back to your web checkout.
# Run it with: bash create-invoice.sh
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
# Prints the API's JSON answer: {"success": true, "invoice": {...}}.
set -euo pipefail

# #region create-invoice
api_url="${PROCESSOUT_API_URL:-https://api.processout.com}"
curl -X POST "$api_url/invoices" \
  -sS --fail-with-body \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \
  --data-urlencode name="Amazing item" \
  -d amount="9.99" \
  -d currency="USD" \
  --data-urlencode return_url="https://www.example.com/checkout/return"
# #endregion
