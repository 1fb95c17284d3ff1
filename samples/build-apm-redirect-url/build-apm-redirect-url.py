"""Build the URL of an APM's payment page for an invoice.

Your backend redirects the customer's browser to it, or hands it to your
mobile app to open. No SDK call: the URL is built from IDs you have.

Reads PROCESSOUT_PROJECT_ID, INVOICE_ID (iv_...) and
GATEWAY_CONFIGURATION_ID (gway_conf_..., see list-apms), and
PROCESSOUT_CHECKOUT_URL when set. Prints the URL.
"""

import os
from urllib.parse import quote

project_id = os.environ["PROCESSOUT_PROJECT_ID"]
invoice_id = os.environ["INVOICE_ID"]
gateway_configuration_id = os.environ["GATEWAY_CONFIGURATION_ID"]
# Unset in production. Set it to reach another host, such as the local
# sandbox's /checkout.
checkout_url = os.environ.get(
    "PROCESSOUT_CHECKOUT_URL", "https://checkout.processout.com")

# #region build-redirect-url
redirect_url = "/".join([
    checkout_url,
    quote(project_id, safe=""),
    quote(invoice_id, safe=""),
    "redirect",
    quote(gateway_configuration_id, safe=""),
])
# #endregion

print(redirect_url)
