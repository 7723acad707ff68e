"""Turn detections into findings: mask, fingerprint, and fold typed columns into one finding each.

A tabular column whose values are each one entity (an ``email`` column) is
reported once, with a count and a few sample occurrences, as Macie does. Whether
a column is typed is decided by its profile (engine/profile.py) after a sample;
until then its detections are held back, so memory stays bounded by the sample.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from privscan.engine.config import EngineConfig, severity_of, severity_rank
from privscan.engine.masking import Fingerprinter
from privscan.engine.prefilter import NER_ENTITIES
from privscan.engine.profile import ColumnProfiler, looks_like, same_kind, value_span, whole_cell_entity
from privscan.engine.redact import MaskingPolicy, NameFinder
from privscan.engine.scanner import Detection
from privscan.model import Finding, Occurrence
from privscan.readers.base import BlockCell, Cell
from privscan.vocabulary import ProfileMode, Severity

MAX_DISTINCT_TRACKED = 100_000


def max_severity(*severities: str | None) -> str:
    """The highest of the given severities (None ignored)."""
    return max((s for s in severities if s), key=severity_rank)


def detection_severity(detection: Detection) -> str:
    """The severity its rules gave a detection, or its entity's default, whichever is higher."""
    return max_severity(detection.severity, severity_of(detection.entity_type))


# What a rule finding may show instead of a value: content-free words (or, with `name`, a rendered name).
RULE_PREVIEWS = frozenset({"", "(empty)", "(not a consent value)"})


class FindingFactory:
    """The one place findings are built: every value, name and path goes through the masking policy.

    `object_name` is rendered once (an object key or path whose segments hold personal data shows them
    masked); `names` finds personal data in names; `tabular`: a field is a whole column name, not a
    JSON path.
    """

    def __init__(
        self,
        object_name: str,
        fingerprinter: Fingerprinter,
        names: NameFinder | None = None,
        tabular: bool = False,
        policy: MaskingPolicy | None = None,
    ):
        """`policy`: the object's masking policy when the caller already has one (it remembers the names it
        rendered and counts them against one budget per object)."""
        self.policy = policy or MaskingPolicy(fingerprinter, names)
        self.fingerprint = fingerprinter
        self.object_name = self.policy.object_name(object_name)
        self.tabular = tabular
        self._given_name = object_name
        self._object_segments = tuple(object_name.split("/"))
        self._members: dict[str, str] = {}

    def object_segments(self) -> tuple[str, ...]:
        """The segments of the object's key or path, as given: scanned for personal data of their own."""
        return self._object_segments

    def field(self, path: str | None) -> str | None:
        """A field's name as findings show it (a name holding personal data masked)."""
        return self.policy.field(path, self.tabular)

    def preview(self, entity_type: str | None, value: str) -> str:
        """The masked preview of a detected value."""
        return self.policy.preview(entity_type, value)

    def object_of(self, member: str | None) -> str:
        """What findings call the object, or an archive member of it (``archive.zip!dir/file.csv``), each
        segment holding personal data masked."""
        if member is None:
            return self.object_name
        rendered = self._members.get(member)
        if rendered is None:
            rendered = self._members[member] = self.policy.object_name(f"{self._given_name}!{member}")
        return rendered

    def cell_finding(self, detection: Detection) -> Finding:
        """The finding of one detection in one cell: location, masked preview, keyed fingerprint."""
        value = detection.value
        return Finding(
            object=self.object_of(detection.cell.member),
            record=detection.cell.record,
            field=self.field(detection.cell.field),
            start=detection.start,
            end=detection.end,
            entity_type=detection.entity_type,
            score=detection.score,
            severity=detection_severity(detection),
            preview=self.preview(detection.entity_type, value),
            fingerprint=self.fingerprint(detection.entity_type, value),
            rule_ids=list(detection.rule_ids),
            role=detection.cell.role,
        )

    def column_finding(self, name: str, aggregate: ColumnAggregate) -> Finding:
        """The finding that stands for a whole typed column, from its aggregate."""
        return column_finding(self.object_name, self.field(name), aggregate)

    def rule_finding(
        self,
        rule_id: str,
        severity: str,
        record: int | None,
        field: str | None,
        preview: str = "",
        name: str | None = None,
        member: str | None = None,
    ) -> Finding:
        """A finding of a rule rather than of a value: its preview is content-free words (`RULE_PREVIEWS`)
        or, when it is about a name (a column name), that name as the policy renders it. `member`: the archive
        member it is in."""
        if preview not in RULE_PREVIEWS:
            raise ValueError("a rule finding's preview is one of RULE_PREVIEWS")
        return Finding(
            object=self.object_of(member) if member else self.object_name,
            record=record,
            field=self.field(field),
            start=None,
            end=None,
            entity_type=None,
            score=1.0,
            severity=severity,
            preview=self.policy.name(name) if name is not None else preview,
            rule_ids=[rule_id],
        )

    def turn_finding(
        self,
        rule_id: str,
        severity: str,
        cell: Cell,
        span: tuple[int, int] | None,
        turn: int,
        cited: tuple[int, ...],
        quotable: bool,
    ) -> Finding:
        """A conversation rule's finding, located at the turn `cell` that fires it (and the evidence `span` in it),
        citing the turns that set its context by index only. The preview quotes the evidence only when
        `quotable` (an assistant's words holding no detected personal data); otherwise it is a placeholder, and a
        user's words are never quoted. The fingerprint is keyed on the rule and the evidence's words."""
        evidence = cell.text[span[0] : span[1]] if span else ""
        if not span:
            preview = "(missing from the reply)"
        elif quotable:
            preview = " ".join(evidence.split())
        else:
            preview = f"({cell.role or 'turn'} text withheld)"
        return Finding(
            object=self.object_of(cell.member),
            record=cell.record,
            field=self.field(cell.field),
            start=span[0] if span else None,
            end=span[1] if span else None,
            entity_type=None,
            score=1.0,
            severity=severity,
            preview=preview,
            fingerprint=self.fingerprint(None, f"{rule_id}\n{' '.join(evidence.casefold().split())}") if span else None,
            rule_ids=[rule_id],
            role=cell.role,
            turn=turn,
            cited_turns=list(cited),
        )

    def name_findings(
        self,
        where: str,
        name: str,
        record: int | None,
        field: str | None,
        value_rules: Callable[[str], tuple[list[str], str | None]] | None = None,
    ) -> list[Finding]:
        """The personal data in a name (`where`: column_name, json_key, object_key), one finding per hit.

        `field` is the field the name belongs to (the column, the JSON path through the key; None for the
        object key), rendered; the preview is the rendered name and the fingerprint that of the value
        found, as it would be in a cell. `value_rules(entity)` gives the rule ids and severity of a value.
        """
        findings = []
        for hit in self.policy.hits(name):
            value = name[hit.start : hit.end]
            rule_ids, rule_severity = value_rules(hit.entity_type) if value_rules else ([], None)
            findings.append(
                Finding(
                    object=self.object_name,
                    record=record,
                    field=self.field(field),
                    start=None,
                    end=None,
                    entity_type=hit.entity_type,
                    score=hit.score,
                    severity=max_severity(rule_severity, severity_of(hit.entity_type)),
                    preview=self.policy.name(name),
                    fingerprint=self.fingerprint(hit.entity_type, value),
                    rule_ids=list(rule_ids),
                    where=where,
                )
            )
        return findings


@dataclass(slots=True)
class ColumnAggregate:
    """What a typed column's values add up to: count, distinct fingerprints, best score and up to 15 masked
    occurrences, mergeable across chunks."""

    entity_type: str
    count: int = 0
    best_score: float = 0.0
    severity: str = Severity.LOW
    rule_ids: list[str] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    fingerprints: set[str] = field(default_factory=set)

    def add(self, detection: Detection, factory: FindingFactory, max_occurrences: int) -> None:
        """Count one whole-value detection of the column (its type and rules already the column's).

        Most cells of a large column only add to the counts: the preview is made for the first
        occurrences only, and the fingerprint while distinct values are still tracked.
        """
        self.count += 1
        self.best_score = max(self.best_score, detection.score)
        severity = detection_severity(detection)
        if severity_rank(severity) > severity_rank(self.severity):
            self.severity = severity
        self.rule_ids += [r for r in detection.rule_ids if r not in self.rule_ids]
        keep = len(self.occurrences) < max_occurrences
        if not keep and len(self.fingerprints) >= MAX_DISTINCT_TRACKED:
            return
        value = detection.value
        fingerprint = factory.fingerprint(detection.entity_type, value)
        if keep:
            preview = factory.preview(detection.entity_type, value)
            self.occurrences.append(
                Occurrence(detection.cell.record, detection.start, detection.end, preview, fingerprint)
            )
        if len(self.fingerprints) < MAX_DISTINCT_TRACKED:
            self.fingerprints.add(fingerprint)

    def add_block(
        self,
        fold,
        factory: FindingFactory,
        max_occurrences: int,
        seen: set[str] | None = None,
        covered: dict[str, int] | None = None,
    ) -> None:
        """Count a run of whole-value detections the columnar path settled (engine/columnar.py `ColumnFold`):
        what `add` of each in record order gives, the fingerprints taken once per distinct value. `seen`: the
        values whose fingerprints are in already (kept by the caller, never staged), so a value met again in a
        later run costs no keyed hash. `covered` (kept by the caller): the batch whose values were all fingerprinted
        at its first run, so that its later runs add none.

        While the distinct fingerprints stay under their cap whatever the batch adds (each of its records adds one
        value at most) and no occurrence is to be kept, every value's fingerprint goes in, in any order: the batch's
        distinct values are then taken at its first run."""
        seen = set() if seen is None else seen
        covered = {} if covered is None else covered
        self.count += len(fold.records)
        self.best_score = max(self.best_score, fold.best_score)
        if severity_rank(fold.severity) > severity_rank(self.severity):
            self.severity = fold.severity
        self.rule_ids += [r for r in fold.rule_ids if r not in self.rule_ids]
        kept = min(max(0, max_occurrences - len(self.occurrences)), len(fold.records))
        if covered.get("batch") == fold.batch or self._whole_batch(fold, factory, kept, seen, covered):
            return
        values = fold.taken() if kept else None
        for index, value in enumerate(values.slice(0, kept).to_pylist() if kept else ()):
            fingerprint = factory.fingerprint(fold.entity, value)
            preview = factory.preview(fold.entity, value)
            self.occurrences.append(
                Occurrence(int(fold.records[index]), 0, int(fold.ends[index]), preview, fingerprint)
            )
            if len(self.fingerprints) < MAX_DISTINCT_TRACKED:
                self.fingerprints.add(fingerprint)
        if len(self.fingerprints) >= MAX_DISTINCT_TRACKED or kept == len(fold.records):
            return
        distinct = fold.taken().slice(kept).unique().to_pylist()  # in order of first appearance
        new = set(distinct).difference(seen)
        if not new:
            return
        many = getattr(factory.fingerprint, "many", None)
        if many is not None and len(self.fingerprints) + len(new) <= MAX_DISTINCT_TRACKED:
            # all the new values' fingerprints fit: which come first does not matter, they are made at once
            new = list(new)
            self.fingerprints.update(many(fold.entity, new))
            if len(seen) + len(new) > MAX_DISTINCT_TRACKED:  # values that share a fingerprint: still bounded
                seen.clear()
            seen.update(new)
            return
        for value in distinct:
            if len(self.fingerprints) >= MAX_DISTINCT_TRACKED:
                break
            if value not in seen:
                self.fingerprints.add(factory.fingerprint(fold.entity, value))
                if len(seen) >= MAX_DISTINCT_TRACKED:  # values that share a fingerprint: still bounded
                    seen.clear()
                seen.add(value)

    def _whole_batch(self, fold, factory: FindingFactory, kept: int, seen: set[str], covered: dict[str, int]) -> bool:
        """At the first run of a batch, the fingerprints of the batch's new values at once, when that is what each
        run's in turn give (see `add_block`); whether they were taken."""
        many = getattr(factory.fingerprint, "many", None)
        if fold.distinct_rows is None or kept or many is None:
            return False
        if len(self.fingerprints) + fold.batch_rows > MAX_DISTINCT_TRACKED:
            return False
        covered["batch"] = fold.batch
        new = list(set(fold.distinct()).difference(seen))
        if new:
            self.fingerprints.update(many(fold.entity, new))
            if len(seen) + len(new) > MAX_DISTINCT_TRACKED:  # values that share a fingerprint: still bounded
                seen.clear()
            seen.update(new)
        return True

    def merge(self, later: ColumnAggregate, max_occurrences: int) -> None:
        """Fold in the aggregate of a later part of the same column (chunked scans): the result is the
        aggregate one pass over both parts gives (first occurrences, first-seen rule order, capped distinct)."""
        self.count += later.count
        self.best_score = max(self.best_score, later.best_score)
        if severity_rank(later.severity) > severity_rank(self.severity):
            self.severity = later.severity
        self.rule_ids += [r for r in later.rule_ids if r not in self.rule_ids]
        self.occurrences += later.occurrences[: max(0, max_occurrences - len(self.occurrences))]
        for fingerprint in sorted(later.fingerprints):
            if len(self.fingerprints) >= MAX_DISTINCT_TRACKED:
                break
            self.fingerprints.add(fingerprint)

    def to_dict(self) -> dict:
        """The aggregate as JSON-ready data, to stage with a chunk's results."""
        return {**asdict(self), "fingerprints": sorted(self.fingerprints)}

    @classmethod
    def from_dict(cls, data: dict) -> ColumnAggregate:
        """The aggregate back from what `to_dict` staged."""
        occurrences = [Occurrence(**o) for o in data["occurrences"]]
        return cls(**{**data, "occurrences": occurrences, "fingerprints": set(data["fingerprints"])})


def column_finding(object_name: str, name: str | None, aggregate: ColumnAggregate) -> Finding:
    """The one finding of a typed column: count, distinct values, first occurrences.

    `object_name` and `name` as the factory rendered them (`FindingFactory.column_finding`): a chunked
    scan keeps its columns' aggregates under their rendered names and merges them under those."""
    first = aggregate.occurrences[0]
    return Finding(
        object=object_name,
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


class FindingAssembler:
    """Consumes (cell, detections) in order and emits findings through `emit`.

    Cells of a tabular column wait until the column's profile is decided (after its
    sample), then either fold into the column's finding or become cell findings.
    """

    def __init__(
        self,
        factory: FindingFactory,
        config: EngineConfig,
        profiler: ColumnProfiler | None,
        emit: Callable[[Finding], None],
        value_rules: Callable[[str], tuple[list[str], str | None]] | None = None,
        observe: Callable[[Detection], None] | None = None,
    ):
        """`value_rules(entity)` gives the rule ids and severity of a whole-value `entity` (used when a
        sampled cell spaCy labelled PERSON is re-typed as its LOCATION column, for instance). `observe` sees
        every detection that a finding reports, a typed column's values one by one, with its cell (the
        redaction stage rewrites exactly what a scan reports)."""
        self.factory = factory
        self.observe = observe
        self.config = config
        self.profiler = profiler
        self.emit = emit
        self.value_rules = value_rules
        self._pending: dict[str, list[tuple[Cell, list[Detection]]]] = {}
        self.aggregates: dict[str, ColumnAggregate] = {}  # typed columns' folded values, in first-fold order
        # per column, the values whose fingerprints a run of settled records added (engine/columnar.py): bounded as
        # the aggregate's distinct fingerprints are
        self._fingerprinted: dict[str, set[str]] = {}
        self._covered: dict[str, dict[str, int]] = {}  # per column, the batch of settled runs fingerprinted at once

    def add(self, cell: Cell, detections: list[Detection]) -> None:
        """Take one cell's detections: a typed column's values fold into its aggregate, every other detection becomes
        a finding."""
        if isinstance(cell, BlockCell):
            self._add_block(cell.block)
            return
        if self.profiler is None or cell.field is None:
            self._emit_cells(detections)
            return
        pending = self._pending.setdefault(cell.field, [])
        pending.append((cell, detections))
        if self.profiler.profile(cell.field).decided:
            self._flush(cell.field)

    def finish(self, emit_columns: bool = True) -> None:
        """Flush what waits for a profile; emit the column findings unless a chunked scan merges them later."""
        if self.profiler is None:
            return
        self.profiler.finish()
        for name in list(self._pending):
            self._flush(name)
        if not emit_columns:
            return
        for name, aggregate in self.aggregates.items():
            if aggregate.count:
                self.emit(self.factory.column_finding(name, aggregate))

    def _add_block(self, block) -> None:
        """Fold a run of records the columnar path settled (engine/columnar.py) into the typed columns' findings,
        after every cell before it."""
        for name in list(self._pending):
            if self.profiler.profile(name).decided:
                self._flush(name)
        for fold in block.folds:
            aggregate = self.aggregates.get(fold.name)
            if aggregate is None:
                aggregate = self.aggregates[fold.name] = ColumnAggregate(fold.entity)
            seen = self._fingerprinted.setdefault(fold.name, set())
            covered = self._covered.setdefault(fold.name, {})
            aggregate.add_block(fold, self.factory, self.config.max_occurrences, seen, covered)

    def _flush(self, name: str) -> None:
        profile = self.profiler.profile(name)
        for cell, detections in self._pending.pop(name, []):
            if profile.mode == ProfileMode.TYPED:
                detections = self._fold(name, profile, cell, detections)
            self._emit_cells(detections)

    def _fold(self, name: str, profile, cell: Cell, detections: list[Detection]) -> list[Detection]:
        """Fold a typed column's value into the column finding; return what stays a cell finding."""
        whole = whole_cell_entity(cell, detections)
        ner_column = profile.typed_as in NER_ENTITIES
        if whole is None and ner_column and looks_like(profile.typed_as, cell.text):
            # a sampled value spaCy missed (or that decided the column by its name): the column says what it is
            whole = Detection(cell, profile.typed_as, *value_span(cell.text), profile.best_score[profile.typed_as])
            whole.rule_ids, whole.severity = self.value_rules(profile.typed_as) if self.value_rules else ([], None)
        if whole is None or not same_kind(whole.entity_type, profile.typed_as):
            return detections
        counted = whole
        if whole.entity_type != profile.typed_as and self.value_rules is not None:  # counted as the column's type
            rule_ids, rule_severity = self.value_rules(profile.typed_as)
            counted = Detection(
                cell, profile.typed_as, whole.start, whole.end, whole.score, whole.kind, rule_ids, rule_severity
            )
        aggregate = self.aggregates.get(name)
        if aggregate is None:
            aggregate = self.aggregates[name] = ColumnAggregate(profile.typed_as)
        aggregate.add(counted, self.factory, self.config.max_occurrences)
        if self.observe is not None:
            self.observe(counted)
        # the rest of the value is the same name or place: NER fragments of it are not further findings
        return [d for d in detections if d is not whole and not (ner_column and d.entity_type in NER_ENTITIES)]

    def _emit_cells(self, detections: list[Detection]) -> None:
        for detection in detections:
            self.emit(self.factory.cell_finding(detection))
            if self.observe is not None:
                self.observe(detection)
