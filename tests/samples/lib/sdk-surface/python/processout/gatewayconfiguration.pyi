# processout/gatewayconfiguration.py
from typing import Any

from .gateway import Gateway

class GatewayConfiguration:
    id: Any
    name: Any
    # A Gateway when the answer has an object; otherwise the raw value, such as None (decoding.md §1).
    gateway: Gateway | None
    gateway_id: Any
    enabled: Any
    def all(self, options: dict[str, Any] = ...) -> list[GatewayConfiguration]: ...  # :272
    def find(self, configuration_id: str, options: dict[str, Any] = ...) -> GatewayConfiguration: ...  # :299
