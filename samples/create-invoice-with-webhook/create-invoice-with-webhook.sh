#!/usr/bin/env bash
# Create an APM-ready invoice that also names the webhook endpoint to notify about its payment.
# Run it with: bash create-invoice-with-webhook.sh
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
# RETURN_URL and WEBHOOK_URL override the example addresses of your site.
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
  --data-urlencode return_url="${RETURN_URL:-https://www.example.com/checkout/return}" \
  --data-urlencode webhook_url="${WEBHOOK_URL:-https://www.example.com/webhooks/processout}"
# #endregion
