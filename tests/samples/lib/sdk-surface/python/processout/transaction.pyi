# processout/transaction.py
from typing import Any

class TransactionOperation: ...

class Transaction:
    id: Any
    status: Any
    error_code: Any
    error_message: Any
    invoice_id: Any
    amount: Any
    captured_amount: Any
    # decoding.md §3 Transaction: the fields a refund changes.
    refunded_amount: Any
    available_amount: Any
    refunded: Any
    operations: list[TransactionOperation]
    def find(self, transaction_id: str, options: dict[str, Any] = ...) -> Transaction: ...  # :1393
