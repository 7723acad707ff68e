"""Redact one object: detect as a scan does, then write a copy with what was found replaced.

Two passes over the same bytes (spooled when the stream cannot seek):

1. The scan's own path (`pipeline.assemble`: readers, detection, column profiles, operator names in
   chats, the allow list, the rules) with an observer that keeps, for each detection a finding reports,
   its cell's place and its span: the copy changes exactly what `privscan scan` reports, a typed column's
   values one by one. Statement signals (HEALTH_DATA…) are reported by a scan but are not values, so
   they stay. Only places and spans are kept, never a value.
2. A second reader over the bytes and the format's rewriter (redaction/rewrite.py), which asks for each
   value's replacement by its place and for each column name and JSON key's.

The report is the object's entry in the manifest: counts by entity type and operator, and the places
changed (record, field as findings render it, offsets, entity type, operator), never a value. An object
that cannot be rewritten whole is skipped, and its partial copy must be discarded by the caller.
"""

from __future__ import annotations

import gzip
import io
import logging
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from privscan.engine.deadline import DeadlineExceeded, deadline_after, passed
from privscan.engine.findings import FindingFactory
from privscan.engine.masking import Fingerprinter
from privscan.engine.redact import MaskingPolicy
from privscan.engine.scanner import Detection, Scanner
from privscan.engine.suppress import ObjectSuppressor
from privscan.pipeline import assemble
from privscan.readers import EmptyReader, open_object
from privscan.readers.base import Cell, ObjectReader, ReadError, ReadLimits
from privscan.redaction.operators import Applied, Redactor, Span
from privscan.redaction.rewrite import NotRewritable, rewrite_parquet, text_rewriter
from privscan.vocabulary import DetectionKind, Outcome, RedactStatus

logger = logging.getLogger(__name__)

MAX_LOCATIONS = 10_000  # places listed per object in the manifest; the counts cover them all
MAX_NAMES_REMEMBERED = 10_000
SPOOL_IN_MEMORY = 8 * 1024**2
NOT_REWRITABLE = "not_rewritable"  # the outcome of an object read but not written back
_WORKER_GONE = (EOFError, ConnectionError)


@dataclass(slots=True)
class RedactionReport:
    """What redacting one object did: its manifest entry (no value, names rendered by the masking policy)."""

    object: str
    output: str | None = None
    status: RedactStatus = RedactStatus.REDACTED
    outcome: str = Outcome.SCANNED
    reason: str | None = None
    format: str | None = None
    compressed: bool = False
    records: int = 0
    records_written: int = 0
    by_entity: Counter = field(default_factory=Counter)
    by_operator: Counter = field(default_factory=Counter)
    names_redacted: int = 0
    locations: list[dict] = field(default_factory=list)
    locations_left_out: int = 0
    duration_s: float = 0.0

    @property
    def replaced(self) -> int:
        return sum(self.by_entity.values())

    def add(self, record: int | None, shown_field: str | None, applied: Iterable[Applied], where: str | None = None):
        """Count replacements made in one value (or, `where="name"`, in a column name or JSON key)."""
        for change in applied:
            self.by_entity[change.entity_type] += 1
            self.by_operator[change.operator] += 1
            if len(self.locations) >= MAX_LOCATIONS:
                self.locations_left_out += 1
                continue
            place = {"record": record, "field": shown_field, "start": change.start, "end": change.end}
            if where:
                place["where"] = where
            self.locations.append({**place, "entity_type": change.entity_type, "operator": change.operator})

    def manifest(self) -> dict:
        return {
            "object": self.object,
            "output": self.output,
            "status": str(self.status),
            "outcome": str(self.outcome),
            "reason": self.reason,
            "format": self.format,
            "compressed": self.compressed,
            "records": self.records,
            "records_written": self.records_written,
            "replaced": self.replaced,
            "by_entity": dict(sorted(self.by_entity.items())),
            "by_operator": dict(sorted(self.by_operator.items())),
            "names_redacted": self.names_redacted,
            "locations": self.locations,
            "locations_left_out": self.locations_left_out,
            "duration_s": round(self.duration_s, 3),
        }

    def skip(self, outcome: str, reason: str) -> None:
        self.status, self.outcome, self.reason = RedactStatus.SKIPPED, outcome, reason
        self.records_written, self.output = 0, None
        self.by_entity.clear()
        self.by_operator.clear()
        self.locations.clear()
        self.names_redacted = self.locations_left_out = 0


class Plan:
    """The spans to replace, by cell place (member, record, field): filled by the first pass's observer."""

    def __init__(self, redactor: Redactor):
        self.redactor = redactor
        self.spans: dict[tuple[int | None, str | None], list[Span]] = defaultdict(list)
        self.records: set[int] = set()

    def observe(self, detection: Detection) -> None:
        if detection.kind != DetectionKind.ENTITY or not self.redactor.redacts(detection.entity_type):
            return
        cell = detection.cell
        if cell.member is not None:  # archives are not rewritten (rewritable() refuses them first)
            return
        span = Span(detection.start, detection.end, detection.entity_type, detection.score)
        self.spans[(cell.record, cell.field)].append(span)
        if cell.record is not None:
            self.records.add(cell.record)

    def touched(self, first: int, end: int) -> bool:
        """Whether any record in [first, end) has something to replace."""
        return any(record in self.records for record in range(first, end))


class Edits:
    """The answers a rewriter asks for: a value's redacted text by its place, a name's redacted form."""

    def __init__(self, plan: Plan, policy: MaskingPolicy, report: RedactionReport, tabular: bool):
        self.plan, self.policy, self.report, self.tabular = plan, policy, report, tabular
        self.redactor = plan.redactor
        self._names: dict[str, str] = {}

    def cell(self, record: int, field: str | None, text: str) -> str:
        spans = self.plan.spans.get((record, field))
        if not spans:
            return text
        redacted, applied = self.redactor.rewrite(text, spans)
        self.report.add(record, self.policy.field(field, self.tabular), applied)
        return redacted

    def name(self, name: str) -> str:
        """A column name or JSON key with the personal data in it replaced; a name the policy would not scan
        (too long, or past the object's budget) and that might hold some is replaced whole by its hash."""
        known = self._names.get(name)
        if known is not None:
            return known
        if self.policy.unscanned(name):  # too long to scan, or past the budget and not plainly a word
            spans = [Span(0, len(name), "NAME")]
        else:
            spans = [Span(hit.start, hit.end, hit.entity_type, hit.score) for hit in self.policy.hits(name)]
        redacted, applied = self.redactor.rewrite(name, spans) if spans else (name, [])
        if applied:
            self.report.names_redacted += 1
            self.report.add(None, self.policy.name(name), applied, where="name")
        if len(self._names) < MAX_NAMES_REMEMBERED:
            self._names[name] = redacted
        return redacted


def rewritable(reader: ObjectReader) -> bool:
    """Whether the stage writes this object's format back (CSV, TSV, JSON, JSON Lines, chats, Parquet, text;
    an empty object of any of them)."""
    return isinstance(reader, EmptyReader) or reader.format == "parquet" or text_rewriter(reader) is not None


def _within(cells: Iterator[Cell], deadline: float | None) -> Iterator[Cell]:
    for cell in cells:
        if passed(deadline):
            raise DeadlineExceeded
        yield cell


def _seekable(stream: BinaryIO) -> tuple[BinaryIO, bool]:
    """`stream` itself when it can seek, else a spooled copy (which the caller closes)."""
    seekable = getattr(stream, "seekable", None)
    if callable(seekable) and seekable():
        return stream, False
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 - the caller closes it
    while chunk := stream.read(1024**2):
        spool.write(chunk)
    spool.seek(0)
    return spool, True


def redact_stream(
    object_name: str,
    stream: BinaryIO,
    out: BinaryIO,
    *,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    redactor: Redactor,
    limits: ReadLimits | None = None,
    file_name: str | None = None,
    suppressor: ObjectSuppressor | None = None,
    time_limit_s: float | None = None,
) -> RedactionReport:
    """Write the redacted copy of `stream` (named `object_name`, its format told by `file_name` or that
    name) to `out`, and return its manifest entry. A `skipped` report means `out` holds no usable copy."""
    started = time.perf_counter()
    policy = MaskingPolicy(fingerprinter, scanner.names)
    report = RedactionReport(object=policy.object_name(object_name))
    source, owned = _seekable(stream)
    try:
        _redact(
            object_name,
            source,
            out,
            report,
            policy,
            scanner,
            fingerprinter,
            redactor,
            limits,
            file_name,
            suppressor,
            deadline_after(time_limit_s),
        )
    except ReadError as error:
        report.skip(error.code, error.reason)
    except NotRewritable as error:
        report.skip(NOT_REWRITABLE, str(error))
    except DeadlineExceeded:
        report.skip(Outcome.TIME_LIMIT, f"the redaction took longer than {time_limit_s:g} s")
    except _WORKER_GONE:
        raise
    except Exception as error:  # noqa: BLE001 - its message may quote the object: only its type is kept
        logger.warning("redaction failed: %s", type(error).__name__)
        report.skip(Outcome.MALFORMED, f"{Outcome.SCAN_ERROR}: {type(error).__name__}")
    finally:
        if owned:
            source.close()
    report.duration_s = time.perf_counter() - started
    return report


def _redact(
    object_name: str,
    source: BinaryIO,
    out: BinaryIO,
    report: RedactionReport,
    policy: MaskingPolicy,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    redactor: Redactor,
    limits: ReadLimits | None,
    file_name: str | None,
    suppressor: ObjectSuppressor | None,
    deadline: float | None,
) -> None:
    name = file_name or object_name
    reader = open_object(name, source, limits)
    report.format, report.compressed = reader.format, reader.compressed
    if not rewritable(reader):
        reader.close()
        raise NotRewritable(f"{reader.format} objects are scanned, not rewritten")
    plan = Plan(redactor)
    factory = FindingFactory(object_name, fingerprinter, scanner.names, reader.tabular, policy)
    assemble(
        reader,
        _within(reader.cells(), deadline),
        factory,
        scanner,
        lambda _finding: None,
        suppressor=suppressor,
        deadline=deadline,
        reported=plan.observe,
    )
    report.records = reader.stats.records
    if reader.stats.records == 0:
        report.outcome = Outcome.EMPTY
    source.seek(0)
    second = open_object(name, source, limits)
    try:
        report.records_written = _write(second, out, Edits(plan, policy, report, reader.tabular), plan)
    finally:
        second.close()
    if report.records_written != report.records:
        raise NotRewritable(f"the copy holds {report.records_written} records, the object {report.records}")


def _write(reader: ObjectReader, out: BinaryIO, edits: Edits, plan: Plan) -> int:
    """Write the copy through the reader's rewriter, gzip-compressed when the object was."""
    target = gzip.GzipFile(fileobj=out, mode="wb", mtime=0) if reader.compressed else out
    try:
        if isinstance(reader, EmptyReader):  # an empty copy
            return 0
        if reader.format == "parquet":
            return rewrite_parquet(reader, target, edits, plan.touched)
        rewriter = text_rewriter(reader)
        text = io.TextIOWrapper(target, encoding="utf-8", newline="", write_through=True)
        try:
            return rewriter(reader, text, edits)
        finally:
            text.flush()
            text.detach()
    finally:
        if target is not out:
            target.close()


_EXTENSION = re.compile(r"(?:\.[A-Za-z][A-Za-z0-9]{0,4}){1,2}$")  # .csv, .jsonl.gz: kept on a redacted name


def redacted_path(path: str, policy: MaskingPolicy, redactor: Redactor) -> str:
    """A relative path or key with the personal data in each ``/`` segment replaced (its extension kept),
    so that the copy of ``exports/anna.schmidt@example.com.csv`` is not named after her."""
    segments = []
    for segment in path.split("/"):
        hits = policy.hits(segment)
        extension = _EXTENSION.search(segment)
        # the extension stays when it follows the personal data (``anna@x.eu.csv``), not when it ends it
        stem_end = (
            extension.start()
            if extension and extension.start() >= max((h.end for h in hits), default=0)
            else len(segment)
        )
        spans = [Span(hit.start, hit.end, hit.entity_type, hit.score) for hit in hits]
        if policy.unscanned(segment):
            spans = [Span(0, stem_end, "NAME")]
        segments.append(redactor.rewrite(segment, spans)[0] if spans else segment)
    return "/".join(segments)
