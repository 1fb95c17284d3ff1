<?php

// Build the URL of an APM's payment page for an invoice, on your backend: redirect the customer's
// browser to it (backend redirect), or hand it to your mobile app to open.
// No SDK call: the URL is built from IDs you already have.
//
// Reads PROCESSOUT_PROJECT_ID, INVOICE_ID (iv_…) and GATEWAY_CONFIGURATION_ID (gway_conf_…, see
// list-apms), and PROCESSOUT_CHECKOUT_URL when set. Prints the URL.

declare(strict_types=1);

$projectId = (string) getenv('PROCESSOUT_PROJECT_ID');
$invoiceId = (string) getenv('INVOICE_ID');
$gatewayConfigurationId = (string) getenv('GATEWAY_CONFIGURATION_ID');
// Unset in production. Set it to reach another host, such as the local sandbox's /checkout.
$checkoutUrl = (string) (getenv('PROCESSOUT_CHECKOUT_URL') ?: 'https://checkout.processout.com');

// #region build-redirect-url
$redirectUrl = implode('/', [
    $checkoutUrl,
    rawurlencode($projectId),
    rawurlencode($invoiceId),
    'redirect',
    rawurlencode($gatewayConfigurationId),
]);
// In a web backend, answer the customer's browser with a redirect:
// header('Location: ' . $redirectUrl, true, 302);
// #endregion

echo $redirectUrl, PHP_EOL;
