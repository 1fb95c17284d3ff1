# Create an APM-ready invoice whose return_url is a deep link back into your mobile app.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.

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
    return_url: "your.application.id://processout/return"
  )
  # #endregion
rescue ProcessOut::AuthenticationError, ProcessOut::GenericError, ProcessOut::InternalError,
       ProcessOut::NotFoundError, ProcessOut::ValidationError => e
  # The SDK puts the API's error_type in #code.
  abort "#{e.code}: #{e.message}"
end

puts invoice.id
