<?php

// Fetch an event by its ID, on your backend: what a webhook notification points to.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// EVENT_ID (ev_…, the event_id of a webhook notification).
// Prints the event type and its transaction's status.

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
    // #region fetch-event
    // Only a request signed with your secret key gets the event: this is what proves it is genuine.
    $event = $client->newEvent()->find((string) getenv('EVENT_ID'));
    $transaction = $event->getData()['transaction'] ?? [];
    // #endregion
} catch (
    AuthenticationException | GenericException | InternalException | NotFoundException | ValidationException $e
) {
    // The SDK puts the API's error_type in getErrorCode().
    fwrite(STDERR, $e->getErrorCode() . ': ' . $e->getMessage() . PHP_EOL);
    exit(1);
}

echo $event->getId(), ' ', $event->getName(), ': transaction ', $transaction['status'] ?? 'none', PHP_EOL;
