"""Scan one object end to end, without any AWS: read → detect → findings → sink.

Used by the Lambda service (S3 objects), the local CLI (files) and the API.
Every way an object can fail to be scanned ends in a `ScanReport` with an
outcome code and a content-free reason, never in an exception: a reader's
`ReadError` gives its own outcome, and any other error in reading or detection
ends the scan `malformed` with a reason that names only the error's type. What
is not the object's fault still raises, so that the caller's retry can take it
up: a failure of the caller's `sink`, or a scan worker process gone. An object
or archive member that cannot be scanned is also a coverage-gap finding
(engine/coverage.py).
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, TypeVar

from privscan.engine.columnar import ColumnarSplitter
from privscan.engine.coverage import coverage_gap_finding, is_gap
from privscan.engine.deadline import DeadlineExceeded, deadline_after, passed
from privscan.engine.findings import FindingAssembler, FindingFactory
from privscan.engine.masking import Fingerprinter
from privscan.engine.operator import OperatorNames
from privscan.engine.profile import ColumnProfiler
from privscan.engine.redact import MaskingPolicy
from privscan.engine.rules import RecordRules, rule_book
from privscan.engine.rules.conversations import ConversationTally
from privscan.engine.scanner import Detection, Scanner, worker_count
from privscan.engine.suppress import ObjectSuppressor
from privscan.model import Finding, ScanStatus
from privscan.readers import open_object
from privscan.readers.base import Cell, ObjectReader, ReadError, ReadLimits, RecordIssue
from privscan.vocabulary import STATUS_BY_READ_ERROR, Outcome

T = TypeVar("T")
R = TypeVar("R")

logger = logging.getLogger(__name__)

_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep
_READERS = os.path.join(_PACKAGE, "readers") + os.sep
_WORKER_GONE = (EOFError, ConnectionError)  # the pipe to a scan worker closed (engine/parallel.py)


@dataclass(slots=True)
class ScanReport:
    """What scanning one object gave besides its findings: status, outcome, counts by entity, severity and rule, records
    and bytes read."""

    object: str
    status: ScanStatus = ScanStatus.DONE
    # scanned | empty | unsupported_format | binary | malformed | decompression_bomb | too_large | time_limit
    outcome: str = Outcome.SCANNED
    reason: str | None = None
    format: str | None = None
    compressed: bool = False
    records: int = 0
    bytes_read: int = 0
    issues: list[RecordIssue] = field(default_factory=list)
    findings_total: int = 0
    by_entity: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    conversations: ConversationTally = field(default_factory=ConversationTally)
    duration_s: float = 0.0

    def count(self, finding: Finding) -> None:
        """Count one finding (a column finding by its values)."""
        weight = finding.count or 1
        self.findings_total += 1
        self.by_entity[finding.entity_type or "RULE"] += weight
        self.by_severity[finding.severity] += 1
        for rule_id in finding.rule_ids:
            self.by_rule[rule_id] += 1

    def counts(self) -> dict:
        """The finding counters, to be merged into another report (`add_counts`): a chunk's, for instance."""
        return {
            "findings": self.findings_total,
            "by_entity": dict(self.by_entity),
            "by_severity": dict(self.by_severity),
            "by_rule": dict(self.by_rule),
            "conversations": self.conversations.to_dict(),
        }

    def add_counts(self, counts: dict) -> None:
        """Add the counts of a chunk's or a member's report."""
        self.findings_total += counts.get("findings", 0)
        self.by_entity.update(counts.get("by_entity", {}))
        self.by_severity.update(counts.get("by_severity", {}))
        self.by_rule.update(counts.get("by_rule", {}))
        self.conversations.merge(counts.get("conversations", {}))

    def summary(self) -> dict:
        """Content-free summary for logs, status items and CLI output; `conversation_rules` (an object holding
        conversations only) gives the conversation-level rules' counts and rates (docs/transcripts.md)."""
        issue_codes = Counter(issue.code for issue in self.issues)
        summary = {
            "object": self.object,
            "status": str(self.status),
            "outcome": self.outcome,
            "reason": self.reason,
            "format": self.format,
            "compressed": self.compressed,
            "records": self.records,
            "bytes_read": self.bytes_read,
            "findings": self.findings_total,
            "by_entity": dict(sorted(self.by_entity.items())),
            "by_severity": dict(sorted(self.by_severity.items())),
            "by_rule": dict(sorted(self.by_rule.items())),
            "issues": dict(sorted(issue_codes.items())),
            "duration_s": round(self.duration_s, 3),
        }
        conversation_rules = self.conversations.summary(rule_book().conversation_level)
        if conversation_rules is not None:
            summary["conversation_rules"] = conversation_rules
        return summary


class Observer(Protocol):
    """What `scan_stream` tells an observer of the cells (privscan.examine.Examiner)."""

    def begin(self, name: str, fmt: str | None, scanned: bool) -> None: ...

    def add(self, cell: Cell, detections: list) -> None: ...

    def end(self, bytes_read: int) -> None: ...


class _SinkFailed(Exception):
    """The caller's sink raised `error`: its own failure (storage, a full disk), to reach the caller as it was."""

    def __init__(self, error: Exception):
        super().__init__(type(error).__name__)
        self.error = error


def _gap_findings(report: ScanReport, reader: ObjectReader | None, render: Callable[[str], str]) -> list[Finding]:
    """A coverage-gap finding for each archive member that could not be read, and for the object itself;
    members are named by `render` (the masking policy's rendering of `object!member`)."""
    gaps = [coverage_gap_finding(render(member), outcome) for member, outcome, _ in getattr(reader, "gaps", ())]
    if is_gap(report.outcome):
        gaps.append(coverage_gap_finding(report.object, report.outcome))
    return gaps


def rejected(object_name: str, outcome: str, reason: str, status: ScanStatus = ScanStatus.REJECTED) -> ScanReport:
    """The report of an object refused before any content was scanned, with a content-free reason."""
    return ScanReport(object=object_name, status=status, outcome=outcome, reason=reason)


def _until(cells: Iterator[Cell], deadline: float, report: ScanReport) -> Iterator[Cell]:
    """The cells read before `deadline`; cutting short is recorded on the report (the engine drains normally)."""
    for cell in cells:
        if passed(deadline):
            report.outcome = Outcome.TIME_LIMIT
            return
        yield cell


def assemble(
    reader: ObjectReader,
    cells: Iterable[Cell],
    factory: FindingFactory,
    scanner: Scanner,
    emit: Callable[[Finding], None],
    *,
    suppressor: ObjectSuppressor | None = None,
    profiler: ColumnProfiler | None = None,
    operator: OperatorNames | None = None,
    object_findings: bool = True,
    conversations: ConversationTally | None = None,
    emit_columns: bool = True,
    deadline: float | None = None,
    observe: Callable[[Cell, list], None] | None = None,
    reported: Callable[[Detection], None] | None = None,
) -> FindingAssembler:
    """Detect → operator names (chat) → allow lists → rules → findings, for the `cells` of `reader`.

    A chunk of a chunked scan passes the profiles and operator names decided on the whole object; only
    its first chunk emits the per-object findings, and with `emit_columns=False` the typed columns'
    aggregates stay in the returned assembler, to be merged over all chunks (privscan.ingest.chunked).
    With a `deadline` (engine/deadline.py), detection stops inside long work once it passes: DeadlineExceeded.
    `observe(cell, detections)` sees every cell with its detections, rules applied (the examination, privscan.examine).
    `reported(detection)` sees each detection a finding reports, a typed column's values one by one (redaction).
    `conversations` counts the conversations and the conversation-level rules that fired in them.
    """
    if profiler is None and reader.tabular:
        profiler = ColumnProfiler(scanner.config)
    rules = RecordRules(
        rule_book(),
        factory,
        emit,
        reader.format,
        reader.columns,
        object_findings=object_findings,
        conversations=conversations,
    )
    assembler = FindingAssembler(factory, scanner.config, profiler, emit, rules.value_rules, reported)
    detected = scanner.detect(cells, profiler, deadline)
    if reader.format == "chat":
        detected = (operator or OperatorNames()).apply(detected)
    if suppressor:
        detected = ((cell, suppressor.filter(detections)) for cell, detections in detected)
    for cell, detections in rules.apply(detected):
        if observe is not None:
            observe(cell, detections)
        assembler.add(cell, detections)
    assembler.finish(emit_columns=emit_columns)
    return assembler


def _read_outcome(report: ScanReport, reader: ObjectReader, time_limit_s: float | None) -> None:
    """The reader's counts on the report, and the outcome of a read that ended: cut short, or empty."""
    report.records, report.bytes_read = reader.stats.records, reader.stats.bytes_read
    report.issues = list(reader.stats.issues)
    if report.outcome == Outcome.TIME_LIMIT:
        report.status, report.reason = ScanStatus.REJECTED, f"the scan took longer than {time_limit_s:g} s"
    elif reader.stats.records == 0:
        report.outcome, report.reason = Outcome.EMPTY, "the object holds no records"


def _cells(
    reader: ObjectReader, scanner: Scanner, deadline: float | None, columnar: bool
) -> tuple[ColumnProfiler | None, Iterator[Cell]]:
    """The reader's cells, and the column profiler they are scanned with: on the columnar path (engine/columnar.py)
    for a table it applies to, when the engine's settings ask for it and `columnar` allows it."""
    if columnar:
        profiler = ColumnProfiler(scanner.config)
        cells = columnar_cells(reader, scanner, profiler, deadline)
        if cells is not None:
            return profiler, cells
    return None, reader.cells()


def columnar_cells(
    reader: ObjectReader,
    scanner: Scanner,
    profiler: ColumnProfiler,
    deadline: float | None = None,
    record_offset: int = 0,
) -> Iterator[Cell] | None:
    """The reader's cells on the columnar path (engine/columnar.py), profiled by `profiler`; None when the engine's
    settings, the table's columns or the reader do not allow it. `record_offset`: see `ColumnarSplitter`."""
    if not (scanner.config.columnar and ColumnarSplitter.eligible(reader, rule_book())):
        return None
    if reader.table_batches() is None:
        return None
    splitter = ColumnarSplitter(scanner, profiler, rule_book(), deadline, record_offset)
    return reader.columnar_cells(splitter.cells)


def scan_stream(
    object_name: str,
    stream: BinaryIO,
    *,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    sink: Callable[[Finding], None],
    limits: ReadLimits | None = None,
    file_name: str | None = None,
    suppressor: ObjectSuppressor | None = None,
    time_limit_s: float | None = None,
    observer: Observer | None = None,
) -> ScanReport:
    """Scan `stream` (named `file_name` for format detection) and pass each finding to `sink`.

    `object_name` is the object's path or S3 key; findings and the report call it by its rendering under the
    masking policy (a segment holding personal data masked). With `time_limit_s`, the scan stops that many
    seconds after it started, between records and inside the detection of a long one, and ends
    `time_limit` (rejected), its findings incomplete. An `observer` (an examination) sees the object begin, every
    cell with its detections, and its end.
    """
    started = time.perf_counter()
    deadline = deadline_after(time_limit_s)
    policy = MaskingPolicy(fingerprinter, scanner.names)
    shown_as = policy.object_name(object_name)  # what reports call it
    report = ScanReport(object=shown_as)

    def emit(finding: Finding) -> None:
        report.count(finding)
        try:
            sink(finding)
        except Exception as error:
            raise _SinkFailed(error) from error

    reader = None
    try:
        reader = open_object(file_name or object_name, stream, limits)
        report.format, report.compressed = reader.format, reader.compressed
        factory = FindingFactory(object_name, fingerprinter, scanner.names, reader.tabular, policy)
        profiler, cells = _cells(reader, scanner, deadline, columnar=observer is None)
        if deadline is not None:
            cells = _until(cells, deadline, report)
        observe = None
        if observer is not None:
            observer.begin(shown_as, reader.format, scanned=True)
            observe = observer.add
        try:
            assemble(
                reader,
                cells,
                factory,
                scanner,
                emit,
                suppressor=suppressor,
                conversations=report.conversations,
                profiler=profiler,
                deadline=deadline,
                observe=observe,
            )
        except DeadlineExceeded:
            report.outcome = Outcome.TIME_LIMIT
        _read_outcome(report, reader, time_limit_s)
        if observer is not None:
            observer.end(reader.stats.bytes_read)
    except ReadError as error:
        failed = rejected(shown_as, error.code, error.reason, STATUS_BY_READ_ERROR.get(error.code, ScanStatus.REJECTED))
        failed.format = report.format
        report = failed
    except _SinkFailed as failed:
        raise failed.error from None
    except _WORKER_GONE:
        raise
    except Exception as error:  # noqa: BLE001 - recorded as the object's outcome; its message is never kept
        report = unexpected(shown_as, report.format, error)
    for gap in _gap_findings(report, reader, lambda member: policy.object_name(f"{object_name}!{member}")):
        report.count(gap)
        sink(gap)
    report.duration_s = time.perf_counter() - started
    return report


def unexpected(object_name: str, fmt: str | None, error: Exception) -> ScanReport:
    """The report of a scan that an unexpected error ended: `malformed`, with the error's type and where it was
    raised (privscan's own frames only) in the log. Its message may quote the object, so it is never kept."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.startswith(_PACKAGE)]
    in_reader = bool(frames) and frames[-1].filename.startswith(_READERS)
    code = Outcome.READER_ERROR if in_reader else Outcome.SCAN_ERROR
    where = [f"{frame.filename.removeprefix(_PACKAGE)}:{frame.lineno}" for frame in frames[-3:]]
    logger.warning("%s: %s raised at %s", code, type(error).__name__, " < ".join(reversed(where)))
    failed = rejected(object_name, "malformed", f"{code}: {type(error).__name__}")
    failed.format = fmt
    return failed


def scan_each(
    items: Iterable[T], scan: Callable[[T], R], scanner: Scanner, size: Callable[[T], int] | None = None
) -> Iterator[R]:
    """`scan(item)` for every item (an object to scan), results in input order.

    With worker processes, objects are scanned a few at a time, each in its own thread with its own
    lane of the shared workers (engine/parallel.py): while one object waits for its column samples or
    its last batches, another's batches keep the workers busy. Given their `size`, the largest start
    first, so that the small ones fill the gaps instead of a large one running alone at the end.
    Each object's findings are exactly those of scanning it alone. In one process (no workers) they
    are scanned one after the other.
    """
    if not scanner.concurrent:
        yield from map(scan, items)
        return
    items = list(items)
    order = sorted(range(len(items)), key=lambda i: -size(items[i])) if size else range(len(items))
    # twice as many objects as workers: paired runs on the mixed corpus gave about 10% less time than one each
    with ThreadPoolExecutor(max_workers=2 * worker_count(scanner.config), thread_name_prefix="scan") as threads:
        futures = {index: threads.submit(scan, items[index]) for index in order}
        for index in range(len(items)):
            yield futures[index].result()
