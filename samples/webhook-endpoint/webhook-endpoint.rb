# A minimal endpoint for ProcessOut webhooks, with WEBrick.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0 webrick
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
# PORT (default 3001) and HOST (default 127.0.0.1; 0.0.0.0 accepts connections from other machines).
# It listens for POST /webhooks/processout, answers at once, then fetches each event with the secret
# key before trusting it. It prints one JSON line per verified event on stdout, everything else on stderr.

require "json"
require "processout"
require "set"
require "webrick"

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

$stdout.sync = true

# #region webhook-endpoint
# Delivery is at least once: remember the events handled (or being handled) to skip a redelivery.
# In production keep them in your database, with a unique key on the event ID.
handled_events = Set.new
handled_events_lock = Mutex.new

# Handles one notification, after the endpoint answered 200 (below): a slow answer counts as a failure.
handle_notification = lambda do |event_id|
  unless handled_events_lock.synchronize { handled_events.add?(event_id) }
    warn "#{event_id}: already handled, ignored"
    next
  end

  # Trust nothing in the notification but its ID: fetch the event with your secret key.
  begin
    event = client.event.find(event_id)
  rescue StandardError => e
    # Not verified: forget the event, so that a later delivery tries again.
    handled_events_lock.synchronize { handled_events.delete(event_id) }
    warn "#{event_id}: could not be verified (#{e.message}), ignored"
    next
  end

  transaction = event.data.fetch("transaction", {})
  case event.name
  when "transaction.captured"
    # Paid: fulfil the order of transaction["invoice_id"].
  when "transaction.failed"
    # Declined: release the order, and ask for another payment.
  end
  puts JSON.generate(
    event_id: event.id,
    event_type: event.name,
    invoice_id: transaction["invoice_id"],
    transaction_id: transaction["id"],
    status: transaction["status"]
  )
end
# #endregion

# The HTTP server: POST /webhooks/processout with a JSON body that names an event, anything else refused.
PATH = "/webhooks/processout".freeze
MAX_BODY_BYTES = 64 * 1024

server = WEBrick::HTTPServer.new(
  BindAddress: ENV.fetch("HOST", "127.0.0.1"),
  Port: Integer(ENV.fetch("PORT", "3001")),
  Logger: WEBrick::Log.new($stderr),
  AccessLog: []
)

server.mount_proc PATH do |request, response|
  raise WEBrick::HTTPStatus::MethodNotAllowed unless request.request_method == "POST"
  raise WEBrick::HTTPStatus::RequestEntityTooLarge if request.content_length > MAX_BODY_BYTES

  event_id = begin
    JSON.parse(request.body || "")["event_id"]
  rescue JSON::ParserError, TypeError
    nil
  end
  raise WEBrick::HTTPStatus::BadRequest unless event_id.is_a?(String) && !event_id.empty?

  # Answer before the work: ProcessOut waits for a 2xx, and retries a slow answer as a failure.
  response.status = 200
  Thread.new { handle_notification.call(event_id) }
end

trap("INT") { server.shutdown }
trap("TERM") { server.shutdown }
warn "Listening for ProcessOut webhooks on http://#{server.config[:BindAddress]}:#{server.config[:Port]}#{PATH}"
server.start
