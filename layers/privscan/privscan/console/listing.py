"""The findings listing of the console: filters, counts per filter value, sorting, pages and CSV, over one
bucket's findings held in memory by a warm function.

Why in memory: a reviewer changes a filter and expects the table at once. The findings table is shaped for
reading one object's findings (its partition) or the open ones by severity, not for arbitrary combinations
of severity, rule, entity, status, prefix and dates with counts of each value; answering those from DynamoDB
would mean a scan or an index per combination. The listing therefore reads the bucket's findings once (one
query of the ``ByDataset`` index for the summaries, one query per object), keeps them cut down to what a row
shows (no occurrences, no fingerprint), and filters, counts and sorts in Python, which takes milliseconds for
thousands of findings.

When it is read again: every request reads the summaries' state (key, version, sequence, status, time:
one query of the index, those attributes only) and reads again the findings of each object whose state
changed, that appeared or that went: a new scan or a removal shows at once, and only its object is read.
A review changes a finding, not a summary: a review made through this function updates its rows at once,
and an object's rows older than ``max_age`` seconds are read again, the oldest first, for at most
``refresh_budget`` seconds of each request, so a review made elsewhere (another instance, the IAM API) shows
after that time without one request paying for the whole bucket. A finding's detail, reviews and reveals
always read the table.
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from privscan.engine.config import SEVERITIES
from privscan.engine.rules.catalogue import RuleBook
from privscan.review.policy import SeverityName
from privscan.review.workflow import ReviewStatusName
from privscan.store.findings_store import FindingsStore
from privscan.vocabulary import ReviewStatus, ScanStatus

NO_ENTITY = "RULE"  # the entity of a finding without an entity type, as the summaries count it (pipeline.py)
BUCKET = r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$"
MAX_PAGE = 200
FACETS = ("severity", "rule", "entity", "status")
SORTS = ("severity", "rule", "entity", "status", "object", "created", "updated")
ROW_FIELDS = (
    "finding_id",
    "bucket",
    "key",
    "member",
    "record",
    "field",
    "start",
    "end",
    "role",
    "where",
    "entity_type",
    "severity",
    "rule_ids",
    "preview",
    "count",
    "distinct",
    "review_status",
    "reviewed_by",
    "reviewed_at",
)
CSV_COLUMNS = (
    "id",
    "bucket",
    "object",
    "record",
    "field",
    "entity_type",
    "severity",
    "rules",
    "status",
    "preview",
    "count",
    "scanned_at",
    "reviewed_by",
    "reviewed_at",
)


class Filters(BaseModel):
    """The listing's query parameters. Values are names (a rule id, an entity type, a status), object keys as
    stored (masked where they hold personal data) and dates: never a value found in the data."""

    model_config = ConfigDict(extra="forbid")

    bucket: str | None = Field(None, pattern=BUCKET)
    prefix: str = Field("", max_length=1024, description="object key prefix")
    object: str | None = Field(None, max_length=1024, description="one object's key")
    severity: SeverityName | None = None
    rule: str | None = Field(None, max_length=200)
    entity: str | None = Field(None, max_length=100)
    status: ReviewStatusName | None = None
    since: date | None = Field(None, description="scanned on or after this day (UTC)")
    until: date | None = Field(None, description="scanned on or before this day (UTC)")
    sort: Literal[SORTS] = "severity"
    order: Literal["asc", "desc"] = "desc"
    page: int = Field(1, ge=1)
    limit: int = Field(50, ge=1, le=MAX_PAGE)

    def keeps(self, row: dict, skip: str | None = None) -> bool:
        """Whether `row` passes every filter (but the facet `skip`, for that facet's counts)."""
        day = (row.get("scanned_at") or "")[:10]
        return bool(
            (self.object is None or row["key"] == self.object)
            and row["key"].startswith(self.prefix)
            and (skip == "severity" or self.severity is None or row["severity"] == self.severity)
            and (skip == "rule" or self.rule is None or self.rule in row["rule_ids"])
            and (skip == "entity" or self.entity is None or entity_of(row) == self.entity)
            and (skip == "status" or self.status is None or row["review_status"] == self.status)
            and (self.since is None or (day and day >= self.since.isoformat()))
            and (self.until is None or (day and day <= self.until.isoformat()))
        )


def entity_of(row: dict) -> str:
    return row.get("entity_type") or NO_ENTITY


def row_of(item: dict, scanned_at: str | None) -> dict:
    """What the listing keeps of a finding item: no occurrence, no fingerprint; the scan's time from its summary."""
    row = {name: item.get(name) for name in ROW_FIELDS}
    row["rule_ids"] = list(row["rule_ids"] or [])
    row["review_status"] = row["review_status"] or ReviewStatus.OPEN
    row["scanned_at"] = scanned_at
    return row


STATE_FIELDS = ("key", "version", "sequence", "status", "updated_at")  # what changes when a scan rewrites an object


@dataclass
class _Object:
    state: tuple  # the summary's STATE_FIELDS when the rows were read
    read_at: float
    rows: dict[str, dict]  # by finding id


@dataclass
class FindingsIndex:
    """One bucket's findings as rows, held by a warm function (see the module docstring).

    Each request reads the summaries' state (`STATE_FIELDS` only) and reads again the findings of the objects
    whose state changed, that appeared or that went. Rows older than `max_age` seconds are read again too, the
    oldest first, for at most `refresh_budget` seconds a request, which brings in reviews made elsewhere
    without making one request pay for the whole bucket."""

    store: FindingsStore
    max_age: float = 60.0
    max_findings: int = 50_000
    max_buckets: int = 4
    refresh_budget: float = 0.3
    _held: dict[str, dict[str, _Object]] = field(default_factory=dict)  # bucket → key → rows
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def rows(self, bucket: str) -> list[dict]:
        """The bucket's current findings (objects removed since their scan left out), in object order."""
        summaries = {s["key"]: s for s in self.store.list_summaries(bucket, attributes=STATE_FIELDS)}
        with self._lock:
            held = self._held.setdefault(bucket, {})
            for key in held.keys() - summaries.keys():
                del held[key]
            total = sum(len(o.rows) for o in held.values())
            for key in sorted(summaries):
                state = tuple(summaries[key].get(name) for name in STATE_FIELDS)
                if key not in held or held[key].state != state:
                    total = self._refresh(bucket, held, summaries[key], state, total)
            now = time.monotonic()
            stale = sorted((o.read_at, key) for key, o in held.items() if now - o.read_at >= self.max_age)
            for done, (_, key) in enumerate(stale):
                if done and time.monotonic() - now > self.refresh_budget:  # at least one a request
                    break
                total = self._refresh(bucket, held, summaries[key], held[key].state, total)
            while len(self._held) > self.max_buckets:
                self._held.pop(next(b for b in self._held if b != bucket))
            return [row for key in sorted(held) for row in held[key].rows.values()]

    def _refresh(self, bucket: str, held: dict[str, _Object], summary: dict, state: tuple, total: int) -> int:
        """Read one object's rows again; returns the bucket's number of rows afterwards."""
        old = held.pop(summary["key"], None)
        total -= len(old.rows) if old else 0
        rows = self._read(bucket, summary, self.max_findings - total)
        held[summary["key"]] = _Object(state, time.monotonic(), rows)
        return total + len(rows)

    def _read(self, bucket: str, summary: dict, room: int) -> dict[str, dict]:
        """The rows of one object's current findings, at most `room` of them."""
        rows: dict[str, dict] = {}
        if summary.get("status") == ScanStatus.DELETED or room <= 0:
            return rows
        for item in self.store.findings_of(bucket, summary["key"], attributes=(*ROW_FIELDS, "object_deleted")):
            if not item.get("object_deleted"):
                rows[item["finding_id"]] = row_of(item, summary.get("updated_at"))
                if len(rows) >= room:
                    break
        return rows

    def changed(self, item: dict) -> None:
        """A finding reviewed through this function: its row now, without reading the bucket again."""
        with self._lock:
            held = self._held.get(item.get("bucket")) or {}
            entry = held.get(item.get("key"))
            if entry is not None and item.get("finding_id") in entry.rows:
                old = entry.rows[item["finding_id"]]
                entry.rows[item["finding_id"]] = row_of(item, old.get("scanned_at"))

    def clear(self) -> None:
        with self._lock:
            self._held.clear()


def _sort_key(sort: str):
    if sort == "severity":
        return lambda r: SEVERITIES.index(r["severity"]) if r["severity"] in SEVERITIES else -1
    if sort == "rule":
        return lambda r: r["rule_ids"][0] if r["rule_ids"] else ""
    if sort == "entity":
        return entity_of
    if sort == "status":
        return lambda r: r["review_status"]
    if sort == "created":
        return lambda r: r.get("scanned_at") or ""
    if sort == "updated":
        return lambda r: r.get("reviewed_at") or r.get("scanned_at") or ""
    return lambda r: (r["key"], r.get("member") or "")


def _position(row: dict) -> tuple:
    record = row.get("record")
    return (
        row["key"],
        row.get("member") or "",
        -1 if record is None else record,
        row.get("field") or "",
        row["finding_id"],
    )


def select(rows: list[dict], filters: Filters) -> list[dict]:
    """The rows that pass `filters`, in their sort order; ties in object, record, field, id order."""
    kept = sorted((row for row in rows if filters.keeps(row)), key=_position)
    kept.sort(key=_sort_key(filters.sort), reverse=filters.order == "desc")
    return kept


def counts(rows: list[dict], filters: Filters) -> dict[str, dict[str, int]]:
    """Per facet, how many findings each value has among those passing every other filter: what choosing that
    value would list. Severities and statuses are named in the vocabulary's order (zeros included)."""
    tallies: dict[str, Counter] = {facet: Counter() for facet in FACETS}
    for row in rows:
        for facet in FACETS:
            if not filters.keeps(row, skip=facet):
                continue
            if facet == "rule":
                tallies["rule"].update(row["rule_ids"])
            elif facet == "entity":
                tallies["entity"][entity_of(row)] += 1
            elif facet == "severity":
                tallies["severity"][row["severity"]] += 1
            else:
                tallies["status"][row["review_status"]] += 1
    return {
        "severity": {s: tallies["severity"].get(s, 0) for s in reversed(SEVERITIES)},
        "rule": dict(sorted(tallies["rule"].items())),
        "entity": dict(sorted(tallies["entity"].items())),
        "status": {s: tallies["status"].get(s, 0) for s in ReviewStatus},
    }


def item_view(row: dict, book: RuleBook) -> dict:
    """A row as the page shows it: where, what, how serious, its masked preview; never a value."""
    return {
        "id": row["finding_id"],
        "bucket": row["bucket"],
        "object": row["key"],
        "member": row.get("member"),
        "record": row.get("record"),
        "field": row.get("field"),
        "start": row.get("start"),
        "end": row.get("end"),
        "role": row.get("role"),
        "where": row.get("where"),
        "rule_ids": row["rule_ids"],
        "title": title_of(row, book),
        "severity": row["severity"],
        "entity_type": row.get("entity_type"),
        "status": row["review_status"],
        "preview": row.get("preview") or "",
        "count": row.get("count"),
        "distinct": row.get("distinct"),
        "scanned_at": row.get("scanned_at"),
        "reviewed_by": row.get("reviewed_by"),
        "reviewed_at": row.get("reviewed_at"),
    }


def title_of(row: dict, book: RuleBook) -> str:
    """The plain title of the finding's first rule in the catalogue (the rule id when the catalogue lacks it)."""
    for rule_id in row["rule_ids"]:
        rule = book.rules.get(rule_id)
        if rule is not None:
            return rule.title
    return row["rule_ids"][0] if row["rule_ids"] else entity_of(row)


def page_of(rows: list[dict], filters: Filters, book: RuleBook) -> dict:
    """The listing's answer: one page of items, the total, the counts per filter value, the page and pages."""
    selected = select(rows, filters)
    total = len(selected)
    pages = max(1, -(-total // filters.limit))
    first = (filters.page - 1) * filters.limit
    return {
        "items": [item_view(row, book) for row in selected[first : first + filters.limit]],
        "total": total,
        "counts": counts(rows, filters),
        "page": filters.page,
        "pages": pages,
        "limit": filters.limit,
    }


def _cell(value) -> str:
    """A CSV cell that a spreadsheet never runs as a formula (a key may start with = + - @)."""
    text = "" if value is None else ",".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_of(rows: list[dict], filters: Filters, book: RuleBook) -> str:
    """Every finding passing `filters`, in their sort order, masked fields only."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in select(rows, filters):
        view = item_view(row, book)
        writer.writerow(
            _cell(v)
            for v in (
                view["id"],
                view["bucket"],
                view["object"] + (f"!{view['member']}" if view["member"] else ""),
                view["record"],
                view["field"],
                view["entity_type"],
                view["severity"],
                view["rule_ids"],
                view["status"],
                view["preview"],
                view["count"],
                view["scanned_at"],
                view["reviewed_by"],
                view["reviewed_at"],
            )
        )
    return out.getvalue()
