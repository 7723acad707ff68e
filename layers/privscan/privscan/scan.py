"""Scan one object end to end, without any AWS: read → detect → findings → sink.

Used by the Lambda service (S3 objects), the local CLI (files) and the API.
Every way an object can fail to be scanned ends in a `ScanReport` with an
outcome code and a content-free reason, never in an exception, and in a coverage-gap
finding (engine/coverage.py); so does every archive member that cannot be read.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import BinaryIO, TypeVar

from privscan.engine.coverage import coverage_gap_finding, is_gap
from privscan.engine.findings import FindingAssembler, FindingFactory
from privscan.engine.masking import Fingerprinter
from privscan.engine.operator import OperatorNames
from privscan.engine.profile import ColumnProfiler
from privscan.engine.rules import RecordRules, rule_book
from privscan.engine.scanner import Scanner, worker_count
from privscan.engine.suppress import ObjectSuppressor
from privscan.model import Finding, ScanStatus
from privscan.readers import open_object
from privscan.readers.base import Cell, ObjectReader, ReadError, ReadLimits, RecordIssue

T = TypeVar("T")
R = TypeVar("R")

_STATUS_BY_READ_ERROR = {
    "unsupported_format": ScanStatus.UNSUPPORTED,
    "binary": ScanStatus.UNSUPPORTED,
    "no_text_layer": ScanStatus.UNSUPPORTED,  # a scanned PDF would need OCR
    "encrypted": ScanStatus.UNSUPPORTED,
}


@dataclass(slots=True)
class ScanReport:
    object: str
    status: ScanStatus = ScanStatus.DONE
    # scanned | empty | unsupported_format | binary | malformed | decompression_bomb | too_large | time_limit
    outcome: str = "scanned"
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
    duration_s: float = 0.0

    def count(self, finding: Finding) -> None:
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
        }

    def add_counts(self, counts: dict) -> None:
        self.findings_total += counts.get("findings", 0)
        self.by_entity.update(counts.get("by_entity", {}))
        self.by_severity.update(counts.get("by_severity", {}))
        self.by_rule.update(counts.get("by_rule", {}))

    def summary(self) -> dict:
        """Content-free summary for logs, status items and CLI output."""
        issue_codes = Counter(issue.code for issue in self.issues)
        return {
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


class MemberFindingFactory(FindingFactory):
    """Findings of an archive member's cells name the member: `archive.zip!dir/file.csv`."""

    def cell_finding(self, detection) -> Finding:
        finding = super().cell_finding(detection)
        if detection.cell.member is not None:
            finding.object = f"{self.object_name}!{detection.cell.member}"
        return finding


def _emit_gaps(report: ScanReport, reader: ObjectReader | None, emit: Callable[[Finding], None]) -> None:
    """A coverage-gap finding for each archive member that could not be read, and for the object itself."""
    for member, outcome, _ in getattr(reader, "gaps", ()):
        emit(coverage_gap_finding(f"{report.object}!{member}", outcome))
    if is_gap(report.outcome):
        emit(coverage_gap_finding(report.object, report.outcome))


def rejected(object_name: str, outcome: str, reason: str, status: ScanStatus = ScanStatus.REJECTED) -> ScanReport:
    return ScanReport(object=object_name, status=status, outcome=outcome, reason=reason)


def _until(cells: Iterator[Cell], deadline: float, report: ScanReport) -> Iterator[Cell]:
    """The cells read before `deadline`; cutting short is recorded on the report (the engine drains normally)."""
    for cell in cells:
        if time.perf_counter() > deadline:
            report.outcome = "time_limit"
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
    emit_columns: bool = True,
) -> FindingAssembler:
    """Detect → operator names (chat) → allow lists → rules → findings, for the `cells` of `reader`.

    A chunk of a chunked scan passes the profiles and operator names decided on the whole object; only
    its first chunk emits the per-object findings, and with `emit_columns=False` the typed columns'
    aggregates stay in the returned assembler, to be merged over all chunks (privscan.chunked).
    """
    if profiler is None and reader.tabular:
        profiler = ColumnProfiler(scanner.config)
    rules = RecordRules(rule_book(), factory, emit, reader.format, reader.columns, object_findings=object_findings)
    assembler = FindingAssembler(factory, scanner.config, profiler, emit, rules.value_rules)
    detected = scanner.detect(cells, profiler)
    if reader.format == "chat":
        detected = (operator or OperatorNames()).apply(detected)
    if suppressor:
        detected = ((cell, suppressor.filter(detections)) for cell, detections in detected)
    for cell, detections in rules.apply(detected):
        assembler.add(cell, detections)
    assembler.finish(emit_columns=emit_columns)
    return assembler


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
) -> ScanReport:
    """Scan `stream` (named `file_name` for format detection) and pass each finding to `sink`.

    `object_name` is what findings call the object (a path, or an S3 key). With `time_limit_s`, no
    record is read after that many seconds and the scan ends `time_limit` (rejected), its findings incomplete.
    """
    started = time.perf_counter()
    report = ScanReport(object=object_name)

    def emit(finding: Finding) -> None:
        report.count(finding)
        sink(finding)

    reader = None
    try:
        reader = open_object(file_name or object_name, stream, limits)
        report.format, report.compressed = reader.format, reader.compressed
        factory = MemberFindingFactory(object_name, fingerprinter)
        cells = reader.cells() if time_limit_s is None else _until(reader.cells(), started + time_limit_s, report)
        assemble(reader, cells, factory, scanner, emit, suppressor=suppressor)
        report.records, report.bytes_read = reader.stats.records, reader.stats.bytes_read
        report.issues = list(reader.stats.issues)
        if report.outcome == "time_limit":
            report.status, report.reason = ScanStatus.REJECTED, f"the scan took longer than {time_limit_s:g} s"
        elif reader.stats.records == 0:
            report.outcome, report.reason = "empty", "the object holds no records"
    except ReadError as error:
        failed = rejected(
            object_name, error.code, error.reason, _STATUS_BY_READ_ERROR.get(error.code, ScanStatus.REJECTED)
        )
        failed.format = report.format
        report = failed
    _emit_gaps(report, reader, emit)
    report.duration_s = time.perf_counter() - started
    return report


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
