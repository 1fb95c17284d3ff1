#!/usr/bin/env bash
# Play the sandbox's test payment page without a browser: approve, decline, cancel or leave pending
# the APM payment of an invoice, as if the customer had clicked that button.
# This route only exists in the local sandbox (npm run sandbox), never on api.processout.com.
# Run it with: bash complete-test-payment.sh
# Reads PROCESSOUT_PROJECT_ID, PROCESSOUT_PROJECT_SECRET and PROCESSOUT_API_URL (default: the local
# sandbox, http://127.0.0.1:4010); INVOICE_ID (iv_…), GATEWAY_CONFIGURATION_ID (gway_conf_…, see
# list-apms) and OUTCOME (approve, decline, cancel or pending; default approve).
# Prints the sandbox's JSON answer: {"success": true, "outcome": …, "token": …, "redirect_url": …}.
set -euo pipefail
: "${INVOICE_ID:?set INVOICE_ID to the invoice to pay (iv_…)}"
: "${GATEWAY_CONFIGURATION_ID:?set GATEWAY_CONFIGURATION_ID to a test APM (gway_conf_…)}"

# #region complete-test-payment
api_url="${PROCESSOUT_API_URL:-http://127.0.0.1:4010}"
curl -X POST "$api_url/_sandbox/invoices/$INVOICE_ID/complete" \
  -sS --fail-with-body \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \
  -d gateway_configuration_id="$GATEWAY_CONFIGURATION_ID" \
  -d outcome="${OUTCOME:-approve}"
# #endregion
