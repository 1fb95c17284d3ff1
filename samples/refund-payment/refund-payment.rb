# Refund a captured APM payment, in full or in part, on your backend.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# TRANSACTION_ID (tr_…, the captured transaction) and REFUND_AMOUNT (such as 4.99: all of it still
# refundable for a full refund, less for a partial one).
# Prints the transaction's status, refunded and available amounts, then one line per refund.

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

transaction_id = ENV.fetch("TRANSACTION_ID")

begin
  # #region refund-payment
  refund = client.refund(
    transaction_id: transaction_id,
    # A decimal string, at most the transaction's available_amount.
    amount: ENV.fetch("REFUND_AMOUNT"),
    reason: "customer_request", # or duplicate, fraud, other
    information: "Returned by the customer"
  )
  # The SDK sends metadata from the options; #create returns true.
  refund.create(metadata: { "return_reference" => "RMA-1001" })
  # refunded_amount grows, available_amount shrinks, and the status turns
  # "refunded" once nothing is left to refund.
  transaction = client.transaction.find(transaction_id)
  refunds = client.refund.fetch_transaction_refunds(transaction_id)
  # #endregion
rescue ProcessOut::AuthenticationError, ProcessOut::GenericError, ProcessOut::InternalError,
       ProcessOut::NotFoundError, ProcessOut::ValidationError => e
  # The SDK puts the API's error_type in #code.
  abort "#{e.code}: #{e.message}"
end

puts "#{transaction.id}: #{transaction.status}, refunded #{transaction.refunded_amount}, " \
     "available #{transaction.available_amount}"
refunds.each do |listed|
  puts "#{listed.id}: #{listed.amount} (#{listed.reason})"
end
