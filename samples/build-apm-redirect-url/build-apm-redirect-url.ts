// Build the URL of an APM's payment page for an invoice, on your backend: redirect the customer's
// browser to it (backend redirect), or hand it to your mobile app to open.
// Node 20 or later, no dependencies.
// Run it with: npx tsx build-apm-redirect-url.ts
// Reads PROCESSOUT_PROJECT_ID, INVOICE_ID (iv_…) and GATEWAY_CONFIGURATION_ID (gway_conf_…, see
// list-apms), and PROCESSOUT_CHECKOUT_URL when set. Prints {"redirect_url": "…"}.

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`Set the ${name} environment variable.`);
  process.exit(1);
}

const projectId = requireEnv('PROCESSOUT_PROJECT_ID');
const invoiceId = requireEnv('INVOICE_ID');
const gatewayConfigurationId = requireEnv('GATEWAY_CONFIGURATION_ID');
// Unset in production. Set it to reach another host, such as the local sandbox's /checkout.
const checkoutUrl = process.env.PROCESSOUT_CHECKOUT_URL || 'https://checkout.processout.com';

// #region build-redirect-url
const segment = encodeURIComponent;
const redirectUrl = `${checkoutUrl}/${segment(projectId)}/${segment(invoiceId)}/redirect/${segment(gatewayConfigurationId)}`;
// In a web backend, answer the customer's browser with a redirect, e.g. with node:http:
// response.writeHead(302, { Location: redirectUrl }).end();
// #endregion

console.log(JSON.stringify({ redirect_url: redirectUrl }));
