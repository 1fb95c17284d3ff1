#!/usr/bin/env bash
# Create an APM-ready invoice for a backend redirect: the checkout sends the customer straight back to
# return_url?token=… with an HTTP redirect, instead of posting the result to a ProcessOut.js page.
# Run it with: bash create-invoice-backend-redirect.sh
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
# RETURN_URL overrides the example return address of your site.
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
  -d "metadata[skip_processoutjs]=true"
# #endregion
