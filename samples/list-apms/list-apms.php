<?php

// List the APMs (alternative payment methods) your project can offer, from your backend.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
// Prints one entry per APM: the gateway configuration ID to pay with, and what to show the customer.

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
    // #region list-apms
    $configurations = $client->newGatewayConfiguration()->all([
        'filter' => 'alternative-payment-methods',
        'expand_merchant_accounts' => true,
    ]);
    $apms = [];
    foreach ($configurations as $configuration) {
        $gateway = $configuration->getGateway();
        if ($gateway === null) {
            continue; // No gateway details in the answer.
        }
        $apms[] = [
            // Pay with this ID: it goes into the checkout URL.
            'id' => $configuration->getId(),
            'gateway' => [
                'name' => $gateway->getName(),
                'display_name' => $gateway->getDisplayName(),
                'logo_url' => $gateway->getLogoUrl(),
            ],
        ];
    }
    // #endregion
} catch (
    AuthenticationException | GenericException | InternalException | NotFoundException | ValidationException $e
) {
    // The SDK puts the API's error_type in getErrorCode().
    fwrite(STDERR, $e->getErrorCode() . ': ' . $e->getMessage() . PHP_EOL);
    exit(1);
}

echo json_encode($apms, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), PHP_EOL;
