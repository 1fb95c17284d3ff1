# Fetch an event by its ID, on your backend: what a webhook notification points to.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# EVENT_ID (ev_…, the event_id of a webhook notification).
# Prints the event type and its transaction's status.

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
  # #region fetch-event
  # Only a request signed with your secret key gets the event: this is what proves it is genuine.
  event = client.event.find(ENV.fetch("EVENT_ID"))
  transaction = event.data.fetch("transaction", {})
  # #endregion
rescue ProcessOut::AuthenticationError, ProcessOut::GenericError, ProcessOut::InternalError,
       ProcessOut::NotFoundError, ProcessOut::ValidationError => e
  # The SDK puts the API's error_type in #code.
  abort "#{e.code}: #{e.message}"
end

puts "#{event.id} #{event.name}: transaction #{transaction['status']}"
