<?php

// Refund a captured APM payment, in full or in part, on your backend.
//
// Written for processout/processout-php 7.4.1: composer require processout/processout-php:7.4.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// TRANSACTION_ID (tr_…, the captured transaction) and REFUND_AMOUNT (such as 4.99: all of it still
// refundable for a full refund, less for a partial one).
// Prints the transaction's status, refunded and available amounts, then one line per refund.

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

$transactionId = (string) getenv('TRANSACTION_ID');

try {
    // #region refund-payment
    $refund = $client->newRefund([
        'transaction_id' => $transactionId,
        // A decimal string, at most the transaction's available_amount.
        'amount' => (string) getenv('REFUND_AMOUNT'),
        'reason' => 'customer_request', // or duplicate, fraud, other
        'information' => 'Returned by the customer',
    ]);
    // Metadata goes in the options; create() returns true.
    $refund->create(['metadata' => ['return_reference' => 'RMA-1001']]);
    // refunded_amount grows, available_amount shrinks, and the status turns
    // "refunded" once nothing is left to refund.
    $transaction = $client->newTransaction()->find($transactionId);
    $refunds = $client->newRefund()->fetchTransactionRefunds($transactionId);
    // #endregion
} catch (
    AuthenticationException | GenericException | InternalException | NotFoundException | ValidationException $e
) {
    // The SDK puts the API's error_type in getErrorCode().
    fwrite(STDERR, $e->getErrorCode() . ': ' . $e->getMessage() . PHP_EOL);
    exit(1);
}

echo $transaction->getId(), ': ', $transaction->getStatus(), ', refunded ', $transaction->getRefundedAmount(),
    ', available ', $transaction->getAvailableAmount(), PHP_EOL;
foreach ($refunds as $listed) {
    echo $listed->getId(), ': ', $listed->getAmount(), ' (', $listed->getReason(), ')', PHP_EOL;
}
