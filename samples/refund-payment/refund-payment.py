"""Refund a captured APM payment, in full or in part, on your backend.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set; TRANSACTION_ID (tr_..., the captured
transaction) and REFUND_AMOUNT (such as 4.99: all of it still refundable
for a full refund, less for a partial one). Prints the transaction's
status, refunded and available amounts, then one line per refund.
"""

import os
import sys

import processout

client = processout.ProcessOut(
    os.environ["PROCESSOUT_PROJECT_ID"],
    os.environ["PROCESSOUT_PROJECT_SECRET"],
)
if os.environ.get("PROCESSOUT_API_URL"):
    client.host = os.environ["PROCESSOUT_API_URL"]

# The SDK raises one of these when a call fails; .code is the API's
# error_type, such as request.validation.invalid-amount.
API_ERRORS = (
    processout.AuthenticationError,
    processout.GenericError,
    processout.InternalError,
    processout.NotFoundError,
    processout.ValidationError,
)

transaction_id = os.environ["TRANSACTION_ID"]

try:
    # #region refund-payment
    refund = client.new_refund({
        "transaction_id": transaction_id,
        # A decimal string, at most the transaction's available_amount.
        "amount": os.environ["REFUND_AMOUNT"],
        "reason": "customer_request",  # or duplicate, fraud, other
        "information": "Returned by the customer",
    })
    # The SDK sends metadata from the options; create() returns True.
    refund.create({"metadata": {"return_reference": "RMA-1001"}})
    # refunded_amount grows, available_amount shrinks, and the status
    # turns "refunded" once nothing is left to refund.
    transaction = client.new_transaction().find(transaction_id)
    refunds = client.new_refund().fetch_transaction_refunds(transaction_id)
    # #endregion
except API_ERRORS as error:
    sys.exit(f"{error.code}: {error.message}")

print(f"{transaction.id}: {transaction.status}, "
      f"refunded {transaction.refunded_amount}, "
      f"available {transaction.available_amount}")
for listed in refunds:
    print(f"{listed.id}: {listed.amount} ({listed.reason})")
