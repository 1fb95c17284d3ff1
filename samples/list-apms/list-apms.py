"""List the APMs (alternative payment methods) your project can offer.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set. Prints one entry per APM: the gateway
configuration ID to pay with, and what to show the customer.
"""

import json
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
    # #region list-apms
    configurations = client.new_gateway_configuration().all({
        "filter": "alternative-payment-methods",
        "expand_merchant_accounts": True,
    })
    apms = [
        {
            # Pay with this ID: it goes into the checkout URL.
            "id": configuration.id,
            "gateway": {
                "name": configuration.gateway.name,
                "display_name": configuration.gateway.display_name,
                "logo_url": configuration.gateway.logo_url,
            },
        }
        for configuration in configurations
        # gateway is None when the answer has no gateway details.
        if configuration.gateway is not None
    ]
    # #endregion
except API_ERRORS as error:
    sys.exit(f"{error.code}: {error.message}")

print(json.dumps(apms, indent=2))
