# processout/refund.py — not in surface.md: read from the SDK's source (github.com/processout/
# processout-python, processout/refund.py; the stored copy read 2026-12-02 is the generated file with
# create_for_invoice, so 7.x): Refund(client, prefill=None), create(options={}) POSTs
# /transactions/{self.transaction_id}/refunds with amount, reason, information, invoice_detail_ids and
# options.get("metadata"), returning response.success; fetch_transaction_refunds(transaction_id,
# options={}) GETs /transactions/{id}/refunds and returns list[Refund]; find(transaction_id, refund_id,
# options={}). Properties: id, transaction, transaction_id, amount, reason, information, has_failed,
# metadata, sandbox, created_at, invoice_detail_ids.
from typing import Any

class Refund:
    id: Any
    transaction_id: Any
    amount: Any
    reason: Any
    information: Any
    has_failed: Any
    metadata: Any
    sandbox: Any
    created_at: Any
    invoice_detail_ids: Any
    def create(self, options: dict[str, Any] = ...) -> bool: ...
    def create_for_invoice(self, invoice_id: str, options: dict[str, Any] = ...) -> bool: ...
    def fetch_transaction_refunds(self, transaction_id: str, options: dict[str, Any] = ...) -> list[Refund]: ...
    def find(self, transaction_id: str, refund_id: str, options: dict[str, Any] = ...) -> Refund: ...
