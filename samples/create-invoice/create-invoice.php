<?php

// Create an APM-ready invoice whose return_url brings the customer back to your web checkout.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.

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
        'return_url' => 'https://www.example.com/checkout/return',
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
