"""Create an APM-ready invoice for a mobile app.

Its return_url is a deep link that brings the customer back into your
app after the APM payment page.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set.
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
        "return_url": "your.application.id://processout/return",
    })
    # #endregion
except API_ERRORS as error:
    sys.exit(f"{error.code}: {error.message}")

print(invoice.id)
