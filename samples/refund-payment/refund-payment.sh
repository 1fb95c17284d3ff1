#!/usr/bin/env bash
# Refund a captured APM payment, in full or in part, on your backend.
# Run it with: bash refund-payment.sh
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# TRANSACTION_ID (tr_…, the captured transaction) and REFUND_AMOUNT (such as 4.99: all of it still
# refundable for a full refund, less for a partial one).
# Prints the API's JSON answer: {"success": true, "refund": {"id": …, "amount": …, …}}.
set -euo pipefail
: "${TRANSACTION_ID:?set TRANSACTION_ID to the captured transaction (tr_…)}"
: "${REFUND_AMOUNT:?set REFUND_AMOUNT to the amount to refund, such as 4.99}"

# #region refund-payment
api_url="${PROCESSOUT_API_URL:-https://api.processout.com}"
# reason: customer_request, duplicate, fraud or other.
# metadata[…]: your own references.
curl -X POST "$api_url/transactions/$TRANSACTION_ID/refunds" \
  -sS --fail-with-body \
  -u "$PROCESSOUT_PROJECT_ID:$PROCESSOUT_PROJECT_SECRET" \
  --data-urlencode amount="$REFUND_AMOUNT" \
  -d reason=customer_request \
  --data-urlencode information="Returned by the customer" \
  -d "metadata[return_reference]=RMA-1001"
# #endregion
