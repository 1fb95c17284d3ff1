"""Create an APM-ready invoice that names its webhook endpoint.

ProcessOut notifies that endpoint of every change of the invoice's
payment, on top of the endpoints set in the Dashboard.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set. RETURN_URL and WEBHOOK_URL
override the example addresses of your site.
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
# error_type, such as request.authentication.invalid.
API_ERRORS = (
    processout.AuthenticationError,
    processout.GenericError,
    processout.InternalError,
    processout.NotFoundError,
    processout.ValidationError,
)

try:
    # #region create-invoice
    invoice = client.new_invoice().create({
        "name": "Amazing item",
        "amount": "9.99",
        "currency": "USD",
        "return_url": os.environ.get(
            "RETURN_URL", "https://www.example.com/checkout/return"),
        # Notified of this invoice's payment, on top of the Dashboard's
        # endpoints.
        "webhook_url": os.environ.get(
            "WEBHOOK_URL", "https://www.example.com/webhooks/processout"),
    })
    # #endregion
except API_ERRORS as error:
    sys.exit(f"{error.code}: {error.message}")

print(invoice.id)
