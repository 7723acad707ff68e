"""The findings contract: what privscan reports, and never the raw value."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from privscan.vocabulary import ScanStatus

__all__ = ["Finding", "Occurrence", "ScanStatus"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place a value of a column-level finding was seen."""

    record: int | None
    start: int
    end: int
    preview: str
    fingerprint: str


@dataclass(slots=True)
class Finding:
    """One finding: where (object, record, field, span, role), what (entity type or rule), how serious, and only a
    masked preview and a keyed fingerprint of the value."""

    object: str  # file path (local scan) or S3 key
    record: int | None  # None for a column-level finding
    field: str | None
    start: int | None
    end: int | None
    entity_type: str | None
    score: float
    severity: str
    preview: str
    fingerprint: str | None = None
    rule_ids: list[str] = field(default_factory=list)
    role: str | None = None  # chat-turn role when the finding is in a turn's content
    count: int | None = None  # set on column-level findings only
    distinct: int | None = None  # distinct fingerprints in a column-level finding
    occurrences: list[Occurrence] = field(default_factory=list)
    where: str | None = None  # personal data in a name: "column_name", "json_key" or "object_key"
    turn: int | None = None  # conversation rules: the index of the chat turn that fires the rule
    cited_turns: list[int] = field(default_factory=list)  # ... and of the turns that set its context (never their text)

    @property
    def column_level(self) -> bool:
        """Whether the finding stands for a whole column (with counts and sample occurrences) rather than one value."""
        return self.count is not None

    def contract(self) -> dict[str, Any]:
        """The public JSONL contract (`privscan scan --format jsonl`, `privscan findings list`)."""
        line: dict[str, Any] = {
            "object": self.object,
            "record": self.record,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "entity_type": self.entity_type,
            "score": round(self.score, 2),
            "severity": self.severity,
            "rule_ids": list(self.rule_ids),
            "preview": self.preview,
        }
        if self.role is not None:
            line["role"] = self.role
        if self.where is not None:
            line["where"] = self.where
        if self.column_level:
            line["count"] = self.count
        if self.turn is not None:
            line["turn"] = self.turn
            line["cited_turns"] = list(self.cited_turns)
        return line

    def to_dict(self) -> dict[str, Any]:
        """Everything, for the results object and the findings store."""
        data = asdict(self)
        data["score"] = round(self.score, 4)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """A finding back from its stored or JSON form (stores drop None values; unknown keys are ignored)."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for optional in ("record", "field", "start", "end", "entity_type"):  # stores drop None values
            known.setdefault(optional, None)
        known["occurrences"] = [Occurrence(**o) for o in known.get("occurrences") or []]
        if known.get("turn") is not None:  # DynamoDB gives numbers back as Decimal
            known["turn"] = int(known["turn"])
        known["cited_turns"] = [int(i) for i in known.get("cited_turns") or []]
        return cls(**known)
