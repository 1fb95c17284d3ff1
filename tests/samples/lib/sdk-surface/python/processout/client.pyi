# processout/client.py
from typing import Any

from .event import Event
from .gatewayconfiguration import GatewayConfiguration
from .invoice import Invoice
from .refund import Refund
from .transaction import Transaction

class ProcessOut:
    def __init__(self, project_id: str, project_secret: str) -> None: ...  # client.py:5
    # A property with a setter, default "https://api.processout.com" (client.py:14/18-19).
    host: str
    @property
    def project_id(self) -> str: ...  # read-only, client.py:26
    @property
    def project_secret(self) -> str: ...  # read-only, client.py:31
    def new_invoice(self, prefill: dict[str, Any] | None = None) -> Invoice: ...  # client.py:196
    def new_transaction(self, prefill: dict[str, Any] | None = None) -> Transaction: ...  # client.py:358
    def new_gateway_configuration(self, prefill: dict[str, Any] | None = None) -> GatewayConfiguration: ...  # client.py:190
    def new_event(self, prefill: dict[str, Any] | None = None) -> Event: ...  # client.py:126
    # Not in surface.md: processout/client.py of the SDK source, beside new_project (see refund.pyi).
    def new_refund(self, prefill: dict[str, Any] | None = None) -> Refund: ...
