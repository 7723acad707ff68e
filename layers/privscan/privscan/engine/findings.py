"""Turn detections into findings: mask, fingerprint, and fold typed columns into one finding each.

A tabular column whose values are each one entity (an ``email`` column) is
reported once, with a count and a few sample occurrences, as Macie does. A
column is typed after `column_sample` non-empty cells when at least
`column_type_ratio` of them are a whole-cell match of one entity type; until then
its detections are held back, so memory stays bounded by the sample size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from privscan.engine.config import EngineConfig, severity_of, severity_rank
from privscan.engine.masking import Fingerprinter, mask_preview
from privscan.engine.scanner import Detection
from privscan.model import Finding, Occurrence
from privscan.readers.base import Cell

MAX_DISTINCT_TRACKED = 100_000
# spaCy confuses these with each other on short values ("Rotterdam" as PERSON); inside a column typed
# as one of them, the column's type wins.
NER_ENTITIES = frozenset({"PERSON", "LOCATION", "NRP"})


def same_kind(entity: str, column_type: str) -> bool:
    return entity == column_type or (entity in NER_ENTITIES and column_type in NER_ENTITIES)


class FindingFactory:
    def __init__(self, object_name: str, fingerprinter: Fingerprinter):
        self.object_name = object_name
        self.fingerprint = fingerprinter

    def cell_finding(self, detection: Detection) -> Finding:
        value = detection.value
        return Finding(
            object=self.object_name,
            record=detection.cell.record,
            field=detection.cell.field,
            start=detection.start,
            end=detection.end,
            entity_type=detection.entity_type,
            score=detection.score,
            severity=detection.severity or severity_of(detection.entity_type),
            preview=mask_preview(detection.entity_type, value),
            fingerprint=self.fingerprint(detection.entity_type, value),
            rule_ids=list(detection.rule_ids),
            role=detection.cell.role,
        )


def whole_cell_entity(cell: Cell, detections: list[Detection]) -> Detection | None:
    """The detection that covers the whole (stripped) value, if any."""
    stripped = cell.text.strip()
    if not stripped:
        return None
    lead = len(cell.text) - len(cell.text.lstrip())
    for detection in detections:
        if detection.start <= lead and detection.end >= lead + len(stripped):
            return detection
    return None


@dataclass(slots=True)
class ColumnAggregate:
    entity_type: str
    count: int = 0
    best_score: float = 0.0
    severity: str = "low"
    rule_ids: list[str] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    fingerprints: set[str] = field(default_factory=set)

    def add(self, finding: Finding, max_occurrences: int) -> None:
        self.count += 1
        self.best_score = max(self.best_score, finding.score)
        if severity_rank(finding.severity) > severity_rank(self.severity):
            self.severity = finding.severity
        self.rule_ids += [r for r in finding.rule_ids if r not in self.rule_ids]
        if len(self.occurrences) < max_occurrences:
            self.occurrences.append(
                Occurrence(finding.record, finding.start, finding.end, finding.preview, finding.fingerprint)
            )
        if len(self.fingerprints) < MAX_DISTINCT_TRACKED:
            self.fingerprints.add(finding.fingerprint)


@dataclass(slots=True)
class _Column:
    seen: int = 0  # non-empty cells
    pending: list[tuple[Cell, list[Detection]]] = field(default_factory=list)
    typed_as: str | None = None
    decided: bool = False
    aggregate: ColumnAggregate | None = None


class FindingAssembler:
    """Consumes (cell, detections) in order and emits findings through `emit`."""

    def __init__(self, factory: FindingFactory, config: EngineConfig, tabular: bool, emit: Callable[[Finding], None]):
        self.factory = factory
        self.config = config
        self.tabular = tabular
        self.emit = emit
        self._columns: dict[str, _Column] = {}

    def add(self, cell: Cell, detections: list[Detection]) -> None:
        if not self.tabular or cell.field is None:
            self._emit_cells(detections)
            return
        column = self._columns.setdefault(cell.field, _Column())
        column.seen += 1
        if column.decided:
            self._route(column, cell, detections)
            return
        column.pending.append((cell, detections))
        if column.seen >= self.config.column_sample:
            self._decide(column)

    def finish(self) -> None:
        for column in self._columns.values():
            if not column.decided:
                self._decide(column)
        for name, column in self._columns.items():
            if column.aggregate and column.aggregate.count:
                self.emit(self._column_finding(name, column.aggregate))

    def _decide(self, column: _Column) -> None:
        whole = [whole_cell_entity(cell, dets) for cell, dets in column.pending]
        counts: dict[str, int] = {}
        for detection in whole:
            if detection is not None:
                counts[detection.entity_type] = counts.get(detection.entity_type, 0) + 1
        if counts:
            entity, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
            hits = sum(n for other, n in counts.items() if same_kind(other, entity))
            if hits >= self.config.column_type_ratio * max(column.seen, 1):
                column.typed_as = entity
                column.aggregate = ColumnAggregate(entity)
        column.decided = True
        pending, column.pending = column.pending, []
        for cell, detections in pending:
            self._route(column, cell, detections)

    def _route(self, column: _Column, cell: Cell, detections: list[Detection]) -> None:
        whole = whole_cell_entity(cell, detections) if column.typed_as else None
        if whole is not None and same_kind(whole.entity_type, column.typed_as):
            finding = self.factory.cell_finding(whole)
            finding.entity_type = column.typed_as
            column.aggregate.add(finding, self.config.max_occurrences)
            detections = [d for d in detections if d is not whole]
        self._emit_cells(detections)

    def _emit_cells(self, detections: list[Detection]) -> None:
        for detection in detections:
            self.emit(self.factory.cell_finding(detection))

    def _column_finding(self, name: str, aggregate: ColumnAggregate) -> Finding:
        first = aggregate.occurrences[0]
        return Finding(
            object=self.factory.object_name,
            record=None,
            field=name,
            start=None,
            end=None,
            entity_type=aggregate.entity_type,
            score=aggregate.best_score,
            severity=aggregate.severity,
            preview=first.preview,
            fingerprint=None,
            rule_ids=list(aggregate.rule_ids),
            count=aggregate.count,
            distinct=len(aggregate.fingerprints),
            occurrences=list(aggregate.occurrences),
        )


