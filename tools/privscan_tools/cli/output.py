"""Rendering findings for a person: JSONL (the contract) or a table that fits the terminal.

The table speaks plainly: type codes become titles (``NRP`` is "nationality, religious or political
group"), a finding's location is one column (``record 3 · email · 5-20``, ``column name``), files are shown
relative to the working directory, and a totals line ends it. Findings read from the store also show their
id and review status, so that a reviewer can act on a row. Machine formats (JSONL, JSON, SARIF) keep the
codes: they are the contract.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TextIO

from privscan.engine.rules.catalogue import rule_book
from privscan.engine.yamlio import load_yaml
from privscan.vocabulary import SEVERITIES

TITLES_FILE = Path(__file__).with_name("entity_titles.yaml")
PIPED_WIDTH = 160  # a table written to a file or a pipe: wide enough for a finding, not 185 columns
MIN_FLEX = 12  # the narrowest a shrinking column becomes before the table simply wraps
ELLIPSIS = "…"


def jsonl_line(contract: dict) -> str:
    return json.dumps(contract, ensure_ascii=False)


@cache
def entity_titles() -> dict[str, str]:
    return load_yaml(TITLES_FILE.read_text(encoding="utf-8"))


def finding_title(contract: dict) -> str:
    """What was found, in words: the entity's title, or the first rule's title for a finding of no entity."""
    entity = contract.get("entity_type")
    if entity:
        return entity_titles().get(entity, entity)
    rules = rule_book().rules
    rule_ids = contract.get("rule_ids") or []
    return rules[rule_ids[0]].title if rule_ids and rule_ids[0] in rules else ""


def location(contract: dict) -> str:
    """Where in the object: ``record 3 · email · 5-20``; a column-level finding is ``column email``."""
    record, field = contract.get("record"), contract.get("field")
    if record is None and "count" in contract:
        return f"column {field}" if field else "column"
    parts = [] if record is None else [f"record {record}" if isinstance(record, int) else str(record)]
    parts += [str(field)] if field else []
    if contract.get("start") is not None:
        parts.append(f"{contract['start']}-{contract['end']}")
    return " · ".join(parts)


def shown_path(name: str) -> str:
    """A local file below the working directory, relative to it; anything else as it is."""
    try:
        path = Path(name)
        return str(path.resolve().relative_to(Path.cwd().resolve())) if path.is_absolute() else name
    except (ValueError, OSError):
        return name


def _columns(rows: list[dict]) -> list[tuple[str, Callable[[dict], str]]]:
    """The columns of this table: id and status when the rows come from the store."""
    columns: list[tuple[str, Callable[[dict], str]]] = []
    if any("finding_id" in row for row in rows):
        columns.append(("ID", lambda r: str(r.get("finding_id", ""))))
    if any("review_status" in row for row in rows):
        columns.append(("STATUS", lambda r: str(r.get("review_status", ""))))
    columns += [
        ("FILE", lambda r: shown_path(str(r.get("object", "")))),
        ("WHERE", location),
        ("FOUND", finding_title),
        ("SEVERITY", lambda r: str(r.get("severity", ""))),
        ("COUNT", lambda r: str(r.get("count", ""))),
        ("PREVIEW", lambda r: str(r.get("preview", ""))),
        ("RULES", lambda r: ",".join(r.get("rule_ids") or [])),
    ]
    return columns


def table_width(out: TextIO) -> int:
    """The terminal's width when `out` is one; a fixed width for files and pipes."""
    try:
        if out.isatty():
            return shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return int(os.environ.get("PRIVSCAN_TABLE_WIDTH", PIPED_WIDTH))


def _fit(widths: list[int], headers: list[str], limit: int) -> list[int]:
    """Column widths that fit `limit` characters: the widest columns give way first, down to MIN_FLEX."""
    widths = list(widths)
    while sum(widths) + 2 * (len(widths) - 1) > limit:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= max(MIN_FLEX, len(headers[widest])):
            break
        widths[widest] -= 1
    return widths


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS


def print_table(rows: Iterable[dict], out: TextIO = sys.stdout) -> int:
    """The findings as an aligned table that fits `out`, and a totals line; returns the number of rows."""
    rows = list(rows)
    if not rows:
        print("no findings", file=out)
        return 0
    columns, limit = _columns(rows), table_width(out)
    cells = [[render(row) for _, render in columns] for row in rows]
    natural = [max(len(name), *(len(c[i]) for c in cells)) for i, (name, _) in enumerate(columns)]
    if sum(natural) + 2 * (len(natural) - 1) > limit:  # too wide: the rule ids go first (they are in JSON)
        columns, natural, cells = columns[:-1], natural[:-1], [line[:-1] for line in cells]
    headers = [name for name, _ in columns]
    widths = _fit(natural, headers, limit)
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(), file=out)
    for line in cells:
        print("  ".join(_clip(v, w).ljust(w) for v, w in zip(line, widths)).rstrip(), file=out)
    print(totals_line(rows), file=out)
    return len(rows)


def totals_line(rows: list[dict]) -> str:
    """``3 findings in 2 files: 1 high, 2 medium``."""
    files = len({row.get("object") for row in rows})
    by_severity = Counter(row.get("severity") for row in rows)
    parts = [f"{by_severity[s]} {s}" for s in reversed(SEVERITIES) if by_severity[s]]
    noun = "finding" if len(rows) == 1 else "findings"
    where = "1 file" if files == 1 else f"{files} files"
    return f"{len(rows)} {noun} in {where}: {', '.join(parts)}"


class StreamingTable:
    """Rows written as findings arrive, for a terminal: a long scan shows its first findings at once. The
    columns are fixed from the terminal's width (the values to come are unknown); `totals` ends the table."""

    SHARES = (("FILE", 0.22), ("WHERE", 0.2), ("FOUND", 0.24), ("SEVERITY", 0.0), ("PREVIEW", 0.0))

    def __init__(self, width: int):
        flexible = max(width - 8 - 2 * 4, 40)
        self.widths = [max(MIN_FLEX, int(flexible * share)) if share else 8 for _, share in self.SHARES]
        self.widths[-1] = max(MIN_FLEX, flexible - sum(self.widths[:3]))
        self.rows: list[dict] = []

    def header(self) -> str:
        return "  ".join(name.ljust(w) for (name, _), w in zip(self.SHARES, self.widths)).rstrip()

    def row(self, contract: dict) -> str:
        """The finding's line; the header comes before the first."""
        self.rows.append({k: contract.get(k) for k in ("object", "severity")})
        values = [
            shown_path(str(contract.get("object", ""))),
            location(contract),
            finding_title(contract),
            str(contract.get("severity", "")),
            str(contract.get("preview", "")),
        ]
        line = "  ".join(_clip(v, w).ljust(w) for v, w in zip(values, self.widths)).rstrip()
        return line if len(self.rows) > 1 else self.header() + "\n" + line

    def totals(self) -> str:
        return totals_line(self.rows) if self.rows else "no findings"


def print_findings(contracts: Iterable[dict], fmt: str, out: TextIO = sys.stdout) -> int:
    if fmt == "jsonl":
        count = 0
        for contract in contracts:
            print(jsonl_line(contract), file=out)
            count += 1
        return count
    return print_table(contracts, out)


def print_finding_detail(detail: dict, out: TextIO = sys.stdout) -> None:
    """One finding from `GET /findings/{id}` for a reviewer: what, where, how sure, its status, its masked
    occurrences and its audit trail, one fact a line."""
    finding = detail["finding"]
    rules = rule_book().rules
    facts = [
        ("finding", finding["finding_id"]),
        ("found", f"{finding_title(finding)} ({finding.get('entity_type') or 'rule'})"),
        ("object", f"s3://{finding['bucket']}/{finding['key']} (version {finding['version']})"),
        ("where", location(finding) or "the whole object"),
        ("severity", f"{finding['severity']}, score {finding['score']}"),
        ("preview", finding.get("preview") or ""),
        ("status", _status_line(finding)),
    ]
    facts += [
        ("rule", f"{rule_id}: {rules[rule_id].title}" if rule_id in rules else rule_id)
        for rule_id in finding["rule_ids"]
    ]
    for name, value in facts:
        print(f"{name:<10}{value}", file=out)
    occurrences = detail.get("occurrences") or []
    if occurrences:
        print(f"\noccurrences ({len(occurrences)})", file=out)
        for occurrence in occurrences:
            print(f"  {location(occurrence) or '-':<24}{occurrence['preview']}", file=out)
    print(f"\naudit trail ({len(detail.get('audit') or [])})", file=out)
    for entry in detail.get("audit") or []:
        note = f"  \u201c{entry['note']}\u201d" if entry.get("note") else ""
        print(f"  {entry['at']}  {entry['actor']}  {entry['from_status']} -> {entry['to_status']}{note}", file=out)


def _status_line(finding: dict) -> str:
    status = finding["review_status"]
    if finding.get("reviewed_by"):
        status += f" (by {finding['reviewed_by']} at {finding.get('reviewed_at')})"
    if finding.get("object_deleted"):
        status += "; the object has since been deleted"
    return status
