# Create an APM-ready invoice for a backend redirect: the checkout sends the customer straight back to
# return_url?token=… with an HTTP redirect, instead of posting the result to a ProcessOut.js page.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
# RETURN_URL overrides the example return address of your site.

require "processout"

client = ProcessOut::Client.new(
  ENV.fetch("PROCESSOUT_PROJECT_ID"),
  ENV.fetch("PROCESSOUT_PROJECT_SECRET")
)

api_url = ENV.fetch("PROCESSOUT_API_URL", "")
unless api_url.empty?
  # No host setter, and the SDK always uses TLS: the URL must be https:// (see set-up-client.rb).
  abort "PROCESSOUT_API_URL must start with https:// for the Ruby SDK" unless api_url.start_with?("https://")
  client.instance_variable_set(:@host, api_url)
end

begin
  # #region create-invoice
  invoice = client.invoice.create(
    name: "Amazing item",
    amount: "9.99",
    currency: "USD",
    return_url: ENV.fetch("RETURN_URL", "https://www.example.com/checkout/return"),
    # No ProcessOut.js on your page: return with a plain redirect to return_url?token=….
    metadata: { skip_processoutjs: "true" }
  )
  # #endregion
rescue ProcessOut::AuthenticationError, ProcessOut::GenericError, ProcessOut::InternalError,
       ProcessOut::NotFoundError, ProcessOut::ValidationError => e
  # The SDK puts the API's error_type in #code.
  abort "#{e.code}: #{e.message}"
end

puts invoice.id
