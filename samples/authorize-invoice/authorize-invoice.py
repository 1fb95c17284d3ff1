"""Authorize an invoice with the token the APM checkout returned.

The funds are reserved; capture them later (for example when you ship)
with the same token as source, or void the invoice to release them.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set; INVOICE_ID (iv_...) and GATEWAY_TOKEN (the
gway_req_... token from the checkout). Prints the transaction status;
exits with status 1 when the payment failed.
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
# error_type, such as request.source.invalid.
API_ERRORS = (
    processout.AuthenticationError,
    processout.GenericError,
    processout.InternalError,
    processout.NotFoundError,
    processout.ValidationError,
)

try:
    # #region authorize-invoice
    invoice = client.new_invoice().find(os.environ["INVOICE_ID"])
    # processout 7.x returns the transaction and the customer action
    # (none for an APM token).
    transaction, _customer_action = invoice.authorize(
        os.environ["GATEWAY_TOKEN"])
    if transaction.status == "failed":
        # Declined: tell the customer, and offer another APM.
        sys.exit(f"Payment failed: {transaction.error_code}")
    # "authorized": reserved; capture later, or void. "pending": the APM
    # confirms later; wait for the webhook.
    # #endregion
except API_ERRORS as error:
    sys.exit(f"{error.code}: {error.message}")

print(f"{transaction.id}: {transaction.status}")
