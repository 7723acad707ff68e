"""Byte sizes on the command line: 65536, 64KB, 1MB, 1.5GB (binary units: 1KB = 1024 bytes)."""

from __future__ import annotations

import argparse
import re

_UNITS = {
    "": 1,
    "B": 1,
    "K": 1024,
    "KB": 1024,
    "KIB": 1024,
    "M": 1024**2,
    "MB": 1024**2,
    "MIB": 1024**2,
    "G": 1024**3,
    "GB": 1024**3,
    "GIB": 1024**3,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")


def byte_size(text: str) -> int:
    match = _SIZE.fullmatch(text)
    unit = match and _UNITS.get(match.group(2).upper())
    if not unit or float(match.group(1)) * unit < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 65536, 64KB, 1MB)")
    return int(float(match.group(1)) * unit)


def human_size(size: int) -> str:
    """`size` bytes in the largest binary unit that keeps the number at least 1: 512 B, 1.5 MB, 2.0 GB."""
    value, unit = float(size), "B"
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    return f"{int(value)} B" if unit == "B" else f"{value:.1f} {unit}"
