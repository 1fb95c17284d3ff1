<?php

// Set up the ProcessOut client for PHP.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.

declare(strict_types=1);

// #region set-up-client
use ProcessOut\ProcessOut;

require __DIR__ . '/vendor/autoload.php';

$client = new ProcessOut(
    (string) getenv('PROCESSOUT_PROJECT_ID'),
    (string) getenv('PROCESSOUT_PROJECT_SECRET')
);

$apiUrl = (string) getenv('PROCESSOUT_API_URL');
if ($apiUrl !== '') {
    // Unset in production. Set it to reach another host, such as the local sandbox.
    $client->setHost($apiUrl);
}
// #endregion

echo 'ProcessOut client ready for project ', $client->getProjectID(), ' on ', $client->getHost(), PHP_EOL;
