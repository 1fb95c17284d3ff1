import { newId } from '../lib/ids.ts';
import { addAmounts, compareAmounts, subtractAmounts } from '../lib/money.ts';
import type { GatewayConfiguration } from '../schemas/gateway-configuration.ts';
import type { Operation, Transaction } from '../schemas/transaction.ts';
import { isApm } from './gateway-configurations.ts';

// Pure state changes of a transaction: waiting → (pending →) authorized → completed (→ refunded),
// failed, voided.
// Each returns a new transaction with the operation it performed appended.

function withOperation(
  transaction: Transaction,
  at: string,
  type: string,
  amount: string,
  failure?: { code: string; message: string },
): Operation[] {
  const operation: Operation = {
    id: newId('tr_op_'),
    transaction_id: transaction.id,
    type,
    amount,
    currency: transaction.currency,
    is_attempt: type === 'authorization',
    has_failed: Boolean(failure),
    error_code: failure?.code ?? null,
    error_message: failure?.message ?? null,
    gateway_configuration_id: transaction.gateway_configuration_id,
    created_at: at,
  };
  return [...transaction.operations, operation];
}

/** A new payment attempt through a gateway configuration (clears the previous attempt's error). */
export function startAttempt(transaction: Transaction, conf: GatewayConfiguration, at: string): Transaction {
  const attempt: Transaction = {
    ...transaction,
    gateway_configuration_id: conf.id,
    gateway_name: conf.gateway.name,
    payment_type: isApm(conf) ? 'apm' : 'card',
    attempts_count: transaction.attempts_count + 1,
    error_code: null,
    error_message: null,
  };
  return { ...attempt, operations: withOperation(attempt, at, 'request', transaction.amount) };
}

export function markPending(transaction: Transaction): Transaction {
  return { ...transaction, status: 'pending' };
}

export function authorize(transaction: Transaction, at: string): Transaction {
  return {
    ...transaction,
    status: 'authorized',
    authorized: true,
    authorized_amount: transaction.amount,
    authorized_at: at,
    operations: withOperation(transaction, at, 'authorization', transaction.amount),
  };
}

export function capture(transaction: Transaction, amount: string, at: string): Transaction {
  return {
    ...transaction,
    status: 'completed',
    captured: true,
    captured_amount: amount,
    available_amount: amount,
    captured_at: at,
    operations: withOperation(transaction, at, 'capture', amount),
  };
}

export function fail(transaction: Transaction, code: string, message: string, at: string): Transaction {
  return {
    ...transaction,
    status: 'failed',
    error_code: code,
    error_message: message,
    operations: withOperation(transaction, at, 'authorization', transaction.amount, { code, message }),
  };
}

export function voidAuthorization(transaction: Transaction, at: string): Transaction {
  return {
    ...transaction,
    status: 'voided',
    voided: true,
    voided_at: at,
    available_amount: '0',
    operations: withOperation(transaction, at, 'void', transaction.authorized_amount),
  };
}

/**
 * Refunds part or all of what is still available. Partly refunded stays `completed`; once nothing is
 * left the transaction is `refunded` and `refunded` turns true.
 */
export function refund(transaction: Transaction, amount: string, at: string): Transaction {
  const available = subtractAmounts(transaction.available_amount, amount);
  const fullyRefunded = compareAmounts(available, '0') === 0;
  return {
    ...transaction,
    status: fullyRefunded ? 'refunded' : transaction.status,
    refunded: fullyRefunded,
    refunded_amount: addAmounts(transaction.refunded_amount, amount),
    available_amount: available,
    operations: withOperation(transaction, at, 'refund', amount),
  };
}
