<?php

// Create an APM-ready invoice for a backend redirect: the checkout sends the customer straight back to
// return_url?token=… with an HTTP redirect, instead of posting the result to a ProcessOut.js page.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
// RETURN_URL overrides the example return address of your site.

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
    // #region create-invoice
    $invoice = $client->newInvoice()->create([
        'name' => 'Amazing item',
        'amount' => '9.99',
        'currency' => 'USD',
        'return_url' => getenv('RETURN_URL') ?: 'https://www.example.com/checkout/return',
        // No ProcessOut.js on your page: return with a plain redirect to return_url?token=….
        'metadata' => ['skip_processoutjs' => 'true'],
    ]);
    // #endregion
} catch (
    AuthenticationException | GenericException | InternalException | NotFoundException | ValidationException $e
) {
    // The SDK puts the API's error_type in getErrorCode().
    fwrite(STDERR, $e->getErrorCode() . ': ' . $e->getMessage() . PHP_EOL);
    exit(1);
}

echo $invoice->getId(), PHP_EOL;
