"""Load catalogue.yaml into indexes the evaluator can use without scanning every rule per record."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, Field

from privscan.engine.config import SEVERITIES
from privscan.engine.yamlio import load_yaml
from privscan.vocabulary import Placement, Severity


class Rule(BaseModel, frozen=True):
    """One rule of the catalogue: its legal reference, severity, title, explanation and what triggers it."""

    id: str = Field(pattern=r"^(GDPR|AIACT|PRIVSCAN|CARE|WELLBEING)-[A-Z0-9-]+$")
    law: str
    severity: str
    title: str
    description: str
    remediation: str
    critical_with: tuple[str, ...] = ()
    triggers: tuple[dict, ...]

    def model_post_init(self, _context) -> None:
        """Refuse a rule whose severity is not one of the vocabulary's."""
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.id}: unknown severity {self.severity!r}")


@dataclass(frozen=True)
class EntityTrigger:
    """A rule fired by a detected entity type, anywhere or only in free text or whole values."""

    rule_id: str
    where: Placement = Placement.ANY


@dataclass(frozen=True)
class SignalTrigger:
    """A rule fired by a statement signal, optionally only in some chat roles."""

    rule_id: str
    roles: frozenset | None  # None: any role


@dataclass(frozen=True)
class ColumnTrigger:
    """A rule fired by a column's name (consent flags, ages below a limit), matched by patterns."""

    rule_id: str
    patterns: tuple[re.Pattern, ...]
    true_values: frozenset[str] = frozenset()
    below: int | None = None
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # column name → matches

    def matches(self, column: str | None) -> bool:
        """Asked for every record of every object, about a handful of column names: remembered."""
        if column is None:
            return False
        hit = self._seen.get(column)
        if hit is None:
            if len(self._seen) > 10_000:
                self._seen.clear()
            hit = self._seen[column] = any(p.search(column) for p in self.patterns)
        return hit


@dataclass
class RuleBook:
    """The catalogue indexed by what triggers each rule, so that a detection finds its rules in one lookup."""

    rules: dict[str, Rule]
    by_entity: dict[str, list[EntityTrigger]] = field(default_factory=lambda: defaultdict(list))
    by_signal: dict[str, list[SignalTrigger]] = field(default_factory=lambda: defaultdict(list))
    consent: list[ColumnTrigger] = field(default_factory=list)
    column_names: list[ColumnTrigger] = field(default_factory=list)
    age_columns: list[ColumnTrigger] = field(default_factory=list)
    conversation: list[tuple[str, str]] = field(default_factory=list)  # (rule id, missing signal category)
    conversation_ethics: frozenset[str] = frozenset()  # rules decided across a conversation's turns
    coverage_gap: str | None = None  # the rule of an object that could not be scanned
    # rules judged per conversation: a conversation trigger, or a signal in chat roles only (never outside a chat)
    conversation_level: set[str] = field(default_factory=set)

    @classmethod
    def from_yaml(cls, text: str) -> RuleBook:
        """The rule book of a catalogue document, validated and indexed."""
        rules = [Rule(**spec) for spec in load_yaml(text)["rules"]]
        book = cls(rules={rule.id: rule for rule in rules})
        for rule in rules:
            for trigger in rule.triggers:
                book._index(rule.id, trigger)
        return book

    def _index(self, rule_id: str, trigger: dict) -> None:
        kind = trigger["kind"]
        if kind.startswith("conversation"):  # any trigger judged on a whole conversation is conversation-level
            self.conversation_level.add(rule_id)
        patterns = tuple(re.compile(p) for p in trigger.get("columns", trigger.get("patterns", [])))
        if kind == "entity":
            for entity in trigger["entities"]:
                self.by_entity[entity].append(EntityTrigger(rule_id, Placement(trigger.get("where", Placement.ANY))))
        elif kind == "signal":
            roles = trigger.get("roles")
            self.by_signal[trigger["category"]].append(SignalTrigger(rule_id, frozenset(roles) if roles else None))
            if roles and None not in roles:
                self.conversation_level.add(rule_id)
        elif kind == "consent":
            self.consent.append(
                ColumnTrigger(rule_id, patterns, frozenset(v.casefold() for v in trigger["true_values"]))
            )
        elif kind == "column_name":
            self.column_names.append(ColumnTrigger(rule_id, patterns))
        elif kind == "age_column":
            self.age_columns.append(ColumnTrigger(rule_id, patterns, below=int(trigger["below"])))
        elif kind == "conversation":
            self.conversation.append((rule_id, trigger["missing"]))
        elif kind == "conversation_ethics":
            from privscan.engine.signals.conversation_ethics import ETHICS_RULES

            if rule_id not in ETHICS_RULES:
                raise ValueError(f"{rule_id}: not a rule of engine/signals/conversation_ethics.py")
            self.conversation_ethics = self.conversation_ethics | {rule_id}
        elif kind == "coverage_gap":
            self.coverage_gap = rule_id
        else:
            raise ValueError(f"{rule_id}: unknown trigger kind {kind!r}")

    def severity(self, rule_ids: list[str], fired_in_record: set[str]) -> str | None:
        """The highest severity among `rule_ids`, raised to critical by a `critical_with` companion."""
        best = None
        for rule_id in rule_ids:
            rule = self.rules[rule_id]
            severity = Severity.CRITICAL if fired_in_record & set(rule.critical_with) else rule.severity
            if best is None or SEVERITIES.index(severity) > SEVERITIES.index(best):
                best = severity
        return best


@lru_cache(maxsize=1)
def rule_book() -> RuleBook:
    """The rule book of the packaged catalogue (`engine/rules/catalogue.yaml`)."""
    text = resources.files("privscan.engine.rules").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    return RuleBook.from_yaml(text)
