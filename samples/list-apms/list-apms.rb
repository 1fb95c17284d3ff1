# List the APMs (alternative payment methods) your project can offer, from your backend.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
# Prints one entry per APM: the gateway configuration ID to pay with, and what to show the customer.

require "json"
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
  # #region list-apms
  configurations = client.gateway_configuration.all(
    filter: "alternative-payment-methods",
    expand_merchant_accounts: true
  )
  apms = configurations.filter_map do |configuration|
    # Skip a configuration without gateway details.
    next unless configuration.gateway

    {
      # Pay with this ID: it goes into the checkout URL.
      id: configuration.id,
      gateway: {
        name: configuration.gateway.name,
        display_name: configuration.gateway.display_name,
        logo_url: configuration.gateway.logo_url
      }
    }
  end
  # #endregion
rescue ProcessOut::AuthenticationError, ProcessOut::GenericError, ProcessOut::InternalError,
       ProcessOut::NotFoundError, ProcessOut::ValidationError => e
  # The SDK puts the API's error_type in #code.
  abort "#{e.code}: #{e.message}"
end

puts JSON.pretty_generate(apms)
