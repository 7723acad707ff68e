"""Rendering findings for a terminal: JSONL (the contract) or an aligned table."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

COLUMNS = ("object", "record", "field", "span", "entity_type", "severity", "score", "count", "preview", "rule_ids")


def jsonl_line(contract: dict) -> str:
    return json.dumps(contract, ensure_ascii=False)


def _cell(contract: dict, column: str) -> str:
    if column == "span":
        return "" if contract.get("start") is None else f"{contract['start']}-{contract['end']}"
    value = contract.get(column)
    if value is None:
        return "column" if column == "record" and "count" in contract else ""
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def print_table(rows: Iterable[dict], out: TextIO = sys.stdout, max_width: int = 48) -> int:
    rows = [[_cell(row, c)[:max_width] for c in COLUMNS] for row in rows]
    if not rows:
        print("no findings", file=out)
        return 0
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
    print("  ".join(c.upper().ljust(w) for c, w in zip(COLUMNS, widths)), file=out)
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip(), file=out)
    return len(rows)


def print_findings(contracts: Iterable[dict], fmt: str, out: TextIO = sys.stdout) -> int:
    if fmt == "jsonl":
        count = 0
        for contract in contracts:
            print(jsonl_line(contract), file=out)
            count += 1
        return count
    return print_table(contracts, out)
