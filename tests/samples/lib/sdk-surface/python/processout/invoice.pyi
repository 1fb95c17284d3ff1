# processout/invoice.py. Fields are stored as the answer gives them (decoding.md §3: "any").
from typing import Any

from .client import ProcessOut
from .customeraction import CustomerAction
from .transaction import Transaction

class Invoice:
    def __init__(self, client: ProcessOut, prefill: dict[str, Any] | None = None) -> None: ...  # :16
    id: Any
    url: Any
    name: Any
    amount: Any
    currency: Any
    metadata: Any
    return_url: Any
    cancel_url: Any
    webhook_url: Any
    transaction_id: Any
    def create(self, options: dict[str, Any] = ...) -> Invoice: ...  # :1366, fills and returns self
    def find(self, invoice_id: str, options: dict[str, Any] = ...) -> Invoice: ...  # :1423
    # A tuple since 7.0.0 (commit 99600ef); up to 6.35.0 the Transaction alone.
    def capture(self, source: str, options: dict[str, Any] = ...) -> tuple[Transaction, CustomerAction]: ...  # :1100
    def authorize(self, source: str, options: dict[str, Any] = ...) -> tuple[Transaction, CustomerAction]: ...  # :1062
    def void(self, options: dict[str, Any] = ...) -> Transaction: ...  # :1315
    def fetch_transaction(self, options: dict[str, Any] = ...) -> Transaction: ...  # :1292
