# processout/gateway.py
from typing import Any

class Gateway:
    id: Any
    name: Any
    display_name: Any
    logo_url: Any
    url: Any
    flows: Any
    tags: Any
