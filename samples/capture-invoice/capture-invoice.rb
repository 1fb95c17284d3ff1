# Capture an invoice with the token the APM checkout returned, on your backend.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# INVOICE_ID (iv_…) and GATEWAY_TOKEN (the gway_req_… token from the checkout).
# Prints the transaction status; exits with status 1 when the payment failed.

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
  # #region capture-invoice
  invoice = client.invoice.find(ENV.fetch("INVOICE_ID"))
  # The SDK returns the transaction and the customer action (none for an APM token).
  transaction, _customer_action = invoice.capture(ENV.fetch("GATEWAY_TOKEN"))
  case transaction.status
  when "completed"
    # Paid: fulfil the order.
  when "pending"
    # The APM confirms later: wait for the webhook.
  when "failed"
    # Declined: tell the customer, and offer to pay again with another APM.
    abort "Payment failed: #{transaction.error_code}"
  end
  # #endregion
rescue ProcessOut::AuthenticationError, ProcessOut::GenericError, ProcessOut::InternalError,
       ProcessOut::NotFoundError, ProcessOut::ValidationError => e
  # The SDK puts the API's error_type in #code.
  abort "#{e.code}: #{e.message}"
end

puts "#{transaction.id}: #{transaction.status}"
