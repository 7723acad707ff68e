"""DynamoDB value conversion: floats ↔ Decimal, and dropping None (DynamoDB has no use for them)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def to_item(value: Any) -> Any:
    """A value ready for DynamoDB: floats become Decimals, recursively."""
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: to_item(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_item(v) for v in value]
    return value


def from_item(value: Any) -> Any:
    """A value back from DynamoDB: Decimals become ints or floats, recursively."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: from_item(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_item(v) for v in value]
    return value
