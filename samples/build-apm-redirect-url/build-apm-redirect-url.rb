# Build the URL of an APM's payment page for an invoice, on your backend: redirect the customer's
# browser to it (backend redirect), or hand it to your mobile app to open.
# No SDK call: the URL is built from IDs you already have.
#
# Reads PROCESSOUT_PROJECT_ID, INVOICE_ID (iv_…) and GATEWAY_CONFIGURATION_ID (gway_conf_…, see
# list-apms), and PROCESSOUT_CHECKOUT_URL when set. Prints the URL.

require "erb"

project_id = ENV.fetch("PROCESSOUT_PROJECT_ID")
invoice_id = ENV.fetch("INVOICE_ID")
gateway_configuration_id = ENV.fetch("GATEWAY_CONFIGURATION_ID")
# Unset in production. Set it to reach another host, such as the local sandbox's /checkout.
checkout_url = ENV.fetch("PROCESSOUT_CHECKOUT_URL", "https://checkout.processout.com")

# #region build-redirect-url
segment = ->(value) { ERB::Util.url_encode(value) }
redirect_url = [
  checkout_url,
  segment.call(project_id),
  segment.call(invoice_id),
  "redirect",
  segment.call(gateway_configuration_id)
].join("/")
# #endregion

puts redirect_url
