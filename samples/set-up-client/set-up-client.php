<?php

// Set up the ProcessOut client for PHP.
//
// Install the SDK first: composer require processout/processout-php
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

echo 'ProcessOut client ready for project ', $client->getProjectId(), ' on ', $client->getHost(), PHP_EOL;
