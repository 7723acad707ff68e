"""The reducer: merge the parts of a chunked scan into the findings and report of one pass.

Record findings are concatenated in chunk order (each part is already in canonical order); the
typed columns' aggregates are merged (counts summed, first occurrences in record order, distinct
fingerprints united, best score and severity maxima, rule ids in first-seen order) and become the
column findings a single pass emits. Pure and deterministic: re-running it gives the same output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from privscan.chunked.plan import Plan
from privscan.chunked.work import ChunkResult, canonical_key
from privscan.engine.config import EngineConfig
from privscan.engine.findings import ColumnAggregate, column_finding
from privscan.model import Finding, ScanStatus
from privscan.readers.base import ReadLimits, RecordIssue
from privscan.scan import ScanReport, rejected

Part = tuple[ChunkResult, Callable[[], Iterator[Finding]]]  # a result, and its findings when asked


def reduce_chunks(
    plan: Plan,
    parts: Iterable[Part],
    sink: Callable[[Finding], None],
    config: EngineConfig | None = None,
    limits: ReadLimits | None = None,
) -> ScanReport:
    """`parts` in chunk order, one per chunk of `plan`. Findings go to `sink` only if the object scanned."""
    config, limits = config or EngineConfig(), limits or ReadLimits()
    if plan.status:
        return _rejected(plan, plan.outcome, plan.reason, plan.status)
    parts = list(parts)
    if [result.index for result, _ in parts] != [chunk.index for chunk in plan.chunks]:
        raise ValueError("one part per chunk of the plan, in order")
    for result, _ in parts:
        if result.status:  # the first chunk a single pass would have stopped at
            return _rejected(plan, result.outcome, result.reason, result.status)

    report = ScanReport(object=plan.object, format=plan.format, compressed=plan.compressed)

    def emit(finding: Finding) -> None:
        report.count(finding)
        sink(finding)

    issues = [RecordIssue(**issue) for issue in plan.issues]
    tail: list[Finding] = []
    columns: dict[str, ColumnAggregate] = {}
    for result, findings in parts:
        report.records += result.records
        report.bytes_read += result.bytes_read
        issues += [RecordIssue(**issue) for issue in result.issues]
        for finding in findings():
            emit(finding)
        tail += [Finding.from_dict(data) for data in result.object_findings]
        for name, data in result.aggregates.items():
            aggregate = ColumnAggregate.from_dict(data)
            if name in columns:
                columns[name].merge(aggregate, config.max_occurrences)
            else:
                columns[name] = aggregate
    tail += [column_finding(plan.object, name, aggregate) for name, aggregate in columns.items() if aggregate.count]
    for finding in sorted(tail, key=canonical_key):
        emit(finding)
    if not plan.whole:
        report.bytes_read = plan.size  # the header is read by every chunk of a CSV, and counted once here
    report.issues = issues[: limits.max_issues]
    if report.records == 0:
        report.outcome, report.reason = "empty", "the object holds no records"
    return report


def _rejected(plan: Plan, outcome: str | None, reason: str | None, status: str) -> ScanReport:
    report = rejected(plan.object, outcome or "unreadable", reason or "", ScanStatus(status))
    report.format = plan.format
    return report
