#!/usr/bin/env bash
# List the APMs (alternative payment methods) your project can offer, from your backend.
# Run it with: bash list-apms.sh
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
# Prints the API's JSON answer: {"success": true, "gateway_configurations": [...]}.
set -euo pipefail

# #region list-apms
api_url="${PROCESSOUT_API_URL:-https://api.processout.com}"
# --get puts the -d fields in the query string, with no "&" for the shell to misread.
curl -X GET "$api_url/gateway-configurations" \
  -sS --fail-with-body \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \
  --get \
  -d filter=alternative-payment-methods \
  -d expand_merchant_accounts=true
# #endregion
