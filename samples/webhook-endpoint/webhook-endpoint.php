<?php

// A minimal endpoint for ProcessOut webhooks, as a plain PHP script.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
// Serve it at /webhooks/processout with your web server, or try it with PHP's built-in server:
//   php -S 127.0.0.1:3001 webhook-endpoint.php
// It fetches each event with the secret key before trusting it, and logs one JSON line per
// verified event to the server's error log.

declare(strict_types=1);

use ProcessOut\ProcessOut;

require __DIR__ . '/vendor/autoload.php';

const PATH = '/webhooks/processout';
const MAX_BODY_BYTES = 64 * 1024;

$client = new ProcessOut(
    (string) getenv('PROCESSOUT_PROJECT_ID'),
    (string) getenv('PROCESSOUT_PROJECT_SECRET')
);

$apiUrl = (string) getenv('PROCESSOUT_API_URL');
if ($apiUrl !== '') {
    $client->setHost($apiUrl);
}

// #region webhook-endpoint
/** Handles one notification, after the endpoint answered 200 (below): a slow answer counts as a failure. */
function handleNotification(ProcessOut $client, string $eventId): void
{
    // Delivery is at least once: claim the event ID, and skip a redelivery (claimEvent, below).
    if (!claimEvent($eventId)) {
        error_log("{$eventId}: already handled, ignored");
        return;
    }
    try {
        // Trust nothing in the notification but its ID: fetch the event with your secret key.
        $event = $client->newEvent()->find($eventId);
    } catch (Exception $e) {
        // Not verified: forget the event, so that a later delivery tries again.
        releaseEvent($eventId);
        error_log("{$eventId}: could not be verified ({$e->getMessage()}), ignored");
        return;
    }

    $transaction = $event->getData()['transaction'] ?? [];
    switch ($event->getName()) {
        case 'transaction.captured':
            // Paid: fulfil the order of $transaction['invoice_id'].
            break;
        case 'transaction.failed':
            // Declined: release the order, and ask for another payment.
            break;
    }
    error_log((string) json_encode([
        'event_id' => $event->getId(),
        'event_type' => $event->getName(),
        'invoice_id' => $transaction['invoice_id'] ?? null,
        'transaction_id' => $transaction['id'] ?? null,
        'status' => $transaction['status'] ?? null,
    ]));
}
// #endregion

/**
 * Claims an event for this request: a file created with mode "x" exists once, whichever request
 * creates it first. In production use your database instead, with a unique key on the event ID.
 */
function claimEvent(string $eventId): bool
{
    $directory = sys_get_temp_dir() . '/processout-webhook-events';
    if (!is_dir($directory)) {
        @mkdir($directory, 0700, true);
    }
    $file = @fopen($directory . '/' . hash('sha256', $eventId), 'x');
    if ($file === false) {
        return false;
    }
    fclose($file);
    return true;
}

function releaseEvent(string $eventId): void
{
    @unlink(sys_get_temp_dir() . '/processout-webhook-events/' . hash('sha256', $eventId));
}

// The request: POST /webhooks/processout with a JSON body that names an event, anything else refused.
if (parse_url($_SERVER['REQUEST_URI'] ?? '', PHP_URL_PATH) !== PATH) {
    http_response_code(404);
    exit;
}
if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST') {
    header('Allow: POST');
    http_response_code(405);
    exit;
}
$body = (string) file_get_contents('php://input', false, null, 0, MAX_BODY_BYTES + 1);
$notification = json_decode($body, true);
$eventId = is_array($notification) ? ($notification['event_id'] ?? null) : null;
if (strlen($body) > MAX_BODY_BYTES || !is_string($eventId) || $eventId === '') {
    http_response_code(400);
    exit;
}

// Answer 2xx whatever happens next: ProcessOut only needs to know the notification arrived.
http_response_code(200);
if (function_exists('fastcgi_finish_request')) {
    // PHP-FPM: send the answer now, and do the work after it.
    fastcgi_finish_request();
}
handleNotification($client, $eventId);
