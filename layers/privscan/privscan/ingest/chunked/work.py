"""Scan one chunk of a plan with the same engine as a single pass, and write it as a part.

A part is JSON Lines: a first line with the chunk's result (records, issues, the typed columns'
aggregates, per-object findings, the counters of its findings), then its findings in canonical order,
as `privscan.store.spool.finding_line` writes them. Re-scanning a chunk rewrites
the same part (its name holds the chunk index), so a retried child changes nothing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from typing import IO

from privscan.engine.columnar import shifted
from privscan.engine.findings import FindingFactory
from privscan.engine.masking import Fingerprinter
from privscan.engine.operator import OperatorNames
from privscan.engine.profile import ColumnProfile, DecidedProfiler
from privscan.engine.scanner import Scanner
from privscan.engine.suppress import ObjectSuppressor
from privscan.ingest.chunked.plan import Chunk, Plan, open_chunk
from privscan.ingest.chunked.source import ByteSource
from privscan.model import Finding
from privscan.pipeline import ScanReport, assemble, columnar_cells, scan_stream
from privscan.readers.base import Cell, ReadError, ReadLimits
from privscan.store.spool import FindingSpool
from privscan.vocabulary import COMPLETE_OUTCOMES, ScanStatus


def canonical_key(finding: Finding) -> tuple:
    """Records in order; in a record by field and span; then per-object findings, then column findings.

    A single pass emits a column's first values only once its profile is decided, so its order
    depends on the profiles; sorted by this key, single-pass and chunked findings are line for line equal.
    """
    group = 2 if finding.column_level else 1 if finding.record is None else 0
    return (
        group,
        finding.record or 0,
        finding.field or "",
        -1 if finding.start is None else finding.start,
        -1 if finding.end is None else finding.end,
        json.dumps(finding.to_dict(), sort_keys=True),
    )


@dataclass(slots=True)
class ChunkResult:
    """What scanning one chunk gave besides its findings: records and bytes read, issues, outcome; staged as the first
    line of the chunk's part."""

    index: int
    records: int = 0
    bytes_read: int = 0
    issues: list[dict] = field(default_factory=list)
    aggregates: dict[str, dict] = field(default_factory=dict)  # typed columns, merged by the reducer
    object_findings: list[dict] = field(default_factory=list)  # findings without a record (first chunk)
    counts: dict = field(default_factory=dict)  # ScanReport.counts() of the record findings in the part
    status: str | None = None  # a single pass over the chunk ended rejected / unsupported: so does the object
    outcome: str | None = None
    reason: str | None = None


class CanonicalOrder:
    """Receives a chunk's findings record by record and passes them on sorted within each record;
    findings without a record are held for the result."""

    def __init__(self, out: Callable[[Finding], None]):
        self.out, self.group, self.held = out, [], []

    def __call__(self, finding: Finding) -> None:
        if finding.record is None:
            self.held.append(finding)
            return
        if self.group and finding.record != self.group[-1].record:
            self.flush()
        self.group.append(finding)

    def flush(self) -> None:
        for finding in sorted(self.group, key=canonical_key):
            self.out(finding)
        self.group = []


def scan_chunk(
    plan: Plan,
    index: int,
    source: ByteSource,
    *,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    sink: Callable[[Finding], None],
    suppressor: ObjectSuppressor | None = None,
    limits: ReadLimits | None = None,
) -> ChunkResult:
    """Scan chunk `index`; findings go to `sink` in canonical order, the rest into the result."""
    chunk, limits = plan.chunks[index], limits or ReadLimits()
    result = ChunkResult(index)
    tally = ScanReport(plan.object)

    def counted(finding: Finding) -> None:
        tally.count(finding)
        sink(finding)

    ordered = CanonicalOrder(counted)
    try:
        if plan.whole:
            _scan_whole(plan, source, result, ordered, scanner, fingerprinter, suppressor, limits, tally)
        else:
            _scan_part(plan, chunk, source, result, ordered, scanner, fingerprinter, suppressor, limits, tally)
    except ReadError as error:
        result.status, result.outcome, result.reason = ScanStatus.REJECTED, error.code, error.reason
    ordered.flush()
    result.object_findings = [finding.to_dict() for finding in ordered.held]
    result.counts = tally.counts()
    return result


def _scan_whole(plan, source, result, ordered, scanner, fingerprinter, suppressor, limits, tally) -> None:
    with source.open() as stream:
        report = scan_stream(
            plan.name,  # the key as given: scan_stream renders it as plan.object, and scans its segments
            stream,
            scanner=scanner,
            fingerprinter=fingerprinter,
            sink=ordered,
            limits=limits,
            file_name=plan.name,
            suppressor=suppressor,
        )
    result.records, result.bytes_read = report.records, report.bytes_read
    tally.conversations.merge(report.conversations.to_dict())
    result.issues = [asdict(issue) for issue in report.issues]
    if report.outcome not in COMPLETE_OUTCOMES:
        result.status, result.outcome, result.reason = str(report.status), report.outcome, report.reason


def _scan_part(plan, chunk: Chunk, source, result, ordered, scanner, fingerprinter, suppressor, limits, tally) -> None:
    with ExitStack() as stack:
        reader, shift = open_chunk(plan, chunk, source, stack, limits)
        profiler = None
        if reader.tabular:
            profiles = {name: ColumnProfile.from_dict(data) for name, data in plan.profiles.items()}
            profiler = DecidedProfiler(scanner.config, profiles, plan.sample_ends)
        operator = OperatorNames(chunk.operator_names or (), fingerprinter.token) if plan.format == "chat" else None
        cells = (shifted(cell, shift) for cell in _chunk_cells(reader, scanner, profiler, shift))
        factory = FindingFactory(plan.name, fingerprinter, scanner.names, reader.tabular)  # renders it as plan.object
        assembler = assemble(
            reader,
            cells,
            factory,
            scanner,
            ordered,
            suppressor=suppressor,
            profiler=profiler,
            operator=operator,
            object_findings=chunk.index == 0,
            conversations=tally.conversations,
            emit_columns=False,
        )
    result.records, result.bytes_read = reader.stats.records, chunk.end - chunk.start
    result.issues = [
        {**asdict(issue), "record": issue.record + shift} for issue in reader.stats.issues if issue.record is not None
    ]  # the object-level ones are the plan's
    # under the columns' rendered names: the reducer builds the column findings from them as they are
    result.aggregates = {factory.field(name): aggregate.to_dict() for name, aggregate in assembler.aggregates.items()}


def _chunk_cells(reader, scanner: Scanner, profiler: DecidedProfiler | None, shift: int) -> Iterator[Cell]:
    """The chunk's cells, numbered from its own first record: on the columnar path as a single pass takes it
    (`pipeline.columnar_cells`), where the table allows it."""
    cells = None if profiler is None else columnar_cells(reader, scanner, profiler, record_offset=shift)
    return reader.cells() if cells is None else cells


# -- parts ------------------------------------------------------------------------------------------
def scan_chunk_part(plan: Plan, index: int, source: ByteSource, out: IO[bytes], **engine) -> ChunkResult:
    """`scan_chunk`, written to `out` as a part (see the module docstring)."""
    with FindingSpool() as spool:
        result = scan_chunk(plan, index, source, sink=lambda finding: spool(finding.to_dict()), **engine)
        out.write(json.dumps(asdict(result), separators=(",", ":")).encode("utf-8") + b"\n")
        spool.file.seek(0)
        shutil.copyfileobj(spool.file, out)
    return result


def read_part(lines: Iterable[bytes]) -> tuple[ChunkResult, Iterator[Finding]]:
    """A staged part's result and its findings, from the part's JSON lines."""
    lines = iter(lines)
    result = ChunkResult(**json.loads(next(lines)))
    return result, (Finding.from_dict(json.loads(line)) for line in lines)
