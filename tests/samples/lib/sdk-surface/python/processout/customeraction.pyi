# processout/customeraction.py
from typing import Any

class CustomerAction:
    type: Any
    value: Any
    metadata: Any
