# processout/event.py
from typing import Any

from .client import ProcessOut
from .webhook import Webhook

class Event:
    def __init__(self, client: ProcessOut, prefill: dict[str, Any] | None = None) -> None: ...  # :16
    id: Any
    name: Any
    data: Any  # the JSON value as is: a dict for an object
    sandbox: Any
    fired_at: Any
    def find(self, event_id: str, options: dict[str, Any] = ...) -> Event: ...  # :215
    def all(self, options: dict[str, Any] = ...) -> list[Event]: ...  # :188
    def fetch_webhooks(self, options: dict[str, Any] = ...) -> list[Webhook]: ...  # :161, uses self.id
