"""The reducer: merge the parts of a chunked scan into the findings and report of one pass.

The report comes from the chunks' results alone (their counters summed, issues in order), and so do
the findings that close the object: per-object findings and the typed columns' findings, from the
merged column aggregates (counts summed, first occurrences in record order, distinct fingerprints
united, best score and severity maxima, rule ids in first-seen order). The record findings stay in
the parts, already in canonical order: the object's findings are the parts' findings in chunk order,
then those closing findings. So the work grows with the number of chunks, not of findings, and on S3
the results object is assembled from the parts' bytes (`privscan.ingest.scale_out`). Pure and deterministic:
re-running it gives the same output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from privscan.engine.config import EngineConfig
from privscan.engine.coverage import coverage_gap_finding
from privscan.engine.findings import ColumnAggregate, column_finding
from privscan.ingest.chunked.plan import Plan
from privscan.ingest.chunked.work import ChunkResult, canonical_key
from privscan.model import Finding, ScanStatus
from privscan.pipeline import ScanReport, rejected
from privscan.readers.base import ReadLimits, RecordIssue
from privscan.vocabulary import Outcome

Part = tuple[ChunkResult, Callable[[], Iterator[Finding]]]  # a result, and its findings when asked


def merge_results(
    plan: Plan, results: list[ChunkResult], config: EngineConfig | None = None, limits: ReadLimits | None = None
) -> tuple[ScanReport, list[Finding]]:
    """The object's report and its closing findings (already counted in the report), from one result per
    chunk of `plan`, in chunk order. A rejected object's closing finding is its coverage gap (engine/coverage.py)."""
    config, limits = config or EngineConfig(), limits or ReadLimits()
    if plan.status:
        return _rejected(plan, plan.outcome, plan.reason, plan.status)
    if [result.index for result in results] != [chunk.index for chunk in plan.chunks]:
        raise ValueError("one part per chunk of the plan, in order")
    for result in results:
        if result.status:  # the first chunk a single pass would have stopped at
            return _rejected(plan, result.outcome, result.reason, result.status)

    report = ScanReport(object=plan.object, format=plan.format, compressed=plan.compressed)
    issues = [RecordIssue(**issue) for issue in plan.issues]
    tail: list[Finding] = []
    columns: dict[str, ColumnAggregate] = {}
    for result in results:
        report.records += result.records
        report.bytes_read += result.bytes_read
        report.add_counts(result.counts)
        issues += [RecordIssue(**issue) for issue in result.issues]
        tail += [Finding.from_dict(data) for data in result.object_findings]
        for name, data in result.aggregates.items():
            aggregate = ColumnAggregate.from_dict(data)
            if name in columns:
                columns[name].merge(aggregate, config.max_occurrences)
            else:
                columns[name] = aggregate
    tail += [column_finding(plan.object, name, aggregate) for name, aggregate in columns.items() if aggregate.count]
    tail.sort(key=canonical_key)
    for finding in tail:
        report.count(finding)
    if not plan.whole:
        report.bytes_read = plan.size  # the header is read by every chunk of a CSV, and counted once here
    report.issues = issues[: limits.max_issues]
    if report.records == 0:
        report.outcome, report.reason = Outcome.EMPTY, "the object holds no records"
    return report, tail


def reduce_chunks(
    plan: Plan,
    parts: Iterable[Part],
    sink: Callable[[Finding], None],
    config: EngineConfig | None = None,
    limits: ReadLimits | None = None,
) -> ScanReport:
    """`parts` in chunk order, one per chunk of `plan`. The chunks' findings go to `sink` only if the object
    scanned; the closing ones (a rejected object's coverage gap) always."""
    parts = list(parts)
    report, tail = merge_results(plan, [result for result, _ in parts], config, limits)
    if report.status is ScanStatus.DONE:
        for _, findings in parts:
            for finding in findings():
                sink(finding)
    for finding in tail:
        sink(finding)
    return report


def _rejected(plan: Plan, outcome: str | None, reason: str | None, status: str) -> tuple[ScanReport, list[Finding]]:
    report = rejected(plan.object, outcome or Outcome.UNREADABLE, reason or "", ScanStatus(status))
    report.format = plan.format
    gap = coverage_gap_finding(plan.object, report.outcome)
    report.count(gap)
    return report, [gap]
