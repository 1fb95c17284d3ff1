# Set up the ProcessOut client for Ruby.
#
# Written for the processout gem 6.0.0: gem install processout:6.0.0
# Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.

# #region set-up-client
require "processout"

client = ProcessOut::Client.new(
  ENV.fetch("PROCESSOUT_PROJECT_ID"),
  ENV.fetch("PROCESSOUT_PROJECT_SECRET")
)

api_url = ENV.fetch("PROCESSOUT_API_URL", "")
unless api_url.empty?
  # The Ruby SDK has no host setter, and it always connects with TLS (use_ssl: true):
  # the URL must be https:// with a certificate Ruby trusts (SSL_CERT_FILE for a local CA).
  abort "PROCESSOUT_API_URL must start with https:// for the Ruby SDK" unless api_url.start_with?("https://")
  client.instance_variable_set(:@host, api_url)
end
# #endregion

puts "ProcessOut client ready for project #{client.project_id} on #{client.host}"
