<?php

// Authorize an invoice with the token the APM checkout returned, on your backend: the funds are
// reserved, and you capture them later with the same token as source, or void them.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// INVOICE_ID (iv_…) and GATEWAY_TOKEN (the gway_req_… token from the checkout).
// Prints the transaction status; exits with status 1 when the payment failed.

declare(strict_types=1);

use ProcessOut\Exceptions\AuthenticationException;
use ProcessOut\Exceptions\GenericException;
use ProcessOut\Exceptions\InternalException;
use ProcessOut\Exceptions\NotFoundException;
use ProcessOut\Exceptions\ValidationException;
use ProcessOut\ProcessOut;

require __DIR__ . '/vendor/autoload.php';

$client = new ProcessOut(
    (string) getenv('PROCESSOUT_PROJECT_ID'),
    (string) getenv('PROCESSOUT_PROJECT_SECRET')
);

$apiUrl = (string) getenv('PROCESSOUT_API_URL');
if ($apiUrl !== '') {
    $client->setHost($apiUrl);
}

try {
    // #region authorize-invoice
    $invoice = $client->newInvoice()->find((string) getenv('INVOICE_ID'));
    // The SDK returns the transaction and the customer action (none for an APM token).
    $transaction = $invoice->authorize((string) getenv('GATEWAY_TOKEN'))->transaction;
    switch ($transaction->getStatus()) {
        case 'authorized':
            // Reserved: capture later, or void.
            break;
        case 'pending':
            // The APM confirms later: wait for the webhook.
            break;
        case 'failed':
            // Declined: tell the customer, and offer to pay again with another APM.
            fwrite(STDERR, 'Payment failed: ' . $transaction->getErrorCode() . PHP_EOL);
            exit(1);
    }
    // #endregion
} catch (
    AuthenticationException | GenericException | InternalException | NotFoundException | ValidationException $e
) {
    // The SDK puts the API's error_type in getErrorCode().
    fwrite(STDERR, $e->getErrorCode() . ': ' . $e->getMessage() . PHP_EOL);
    exit(1);
}

echo $transaction->getId(), ': ', $transaction->getStatus(), PHP_EOL;
