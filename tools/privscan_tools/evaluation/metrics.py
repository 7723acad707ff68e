"""Span-level entity metrics and record-level rule metrics.

Entities. Gold and predicted types are first mapped to a canonical type (every national identifier
becomes NATIONAL_ID, street addresses and GPEs become LOCATION, foreign identifiers such as US_SSN
become OTHER_ID on EU data). A prediction *matches* a gold span when both have the same canonical
type, sit in the same (file, record, field) and their character ranges overlap. Then, per type:

    precision = predictions that match some gold span / all predictions
    recall    = gold spans matched by some prediction / all gold spans
    F1        = 2PR / (P + R)

The micro average sums numerators and denominators over a set of types; predictions of OTHER_ID
count as false positives in it (a US_SSN reported on EU data is wrong). Predicted types that map
to nothing (DATE_TIME, URL, ORGANIZATION, signal categories, ...) are not scored.

Rules. A rule prediction is a (file, record, rule_id) key (record None for schema-level rules);
it is correct when the gold has the same key. Gold keys marked optional are ignored on both sides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from privscan.engine.national_ids import NATIONAL_ID_ENTITIES

NATIONAL_ID = "NATIONAL_ID"
OTHER_ID = "OTHER_ID"
LOCATION = "LOCATION"

#: EU national identifiers (privscan's, plus the EU ones Presidio ships), all grouped as NATIONAL_ID.
NATIONAL_ID_TYPES = NATIONAL_ID_ENTITIES | frozenset(
    {
        "MRZ",
        # Presidio's other EU identity documents (language-bound, mostly disabled by default)
        "IT_IDENTITY_CARD",
        "IT_PASSPORT",
        "IT_DRIVER_LICENSE",
        "ES_PASSPORT",
        "DE_PASSPORT",
        "DE_ID_CARD",
        "DE_SOCIAL_SECURITY",
        "DE_HEALTH_INSURANCE",
        "DE_TAX_NUMBER",
    }
)
#: Identifiers of non-EU jurisdictions Presidio reports (US_*, UK_* ... are matched by prefix too).
FOREIGN_ID_PREFIXES = ("US_", "UK_", "AU_", "IN_", "SG_", "KR_", "NG_", "PH_", "ZA_", "TH_", "CA_")
FOREIGN_ID_TYPES = frozenset({"MEDICAL_LICENSE"})
LOCATION_ALIASES = frozenset({"LOCATION", "GPE", "STREET_ADDRESS", "LOC", "FAC", "ADDRESS"})
#: Types both tools may report that the EU corpus always scores.
CORE_TYPES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS")

HEADLINE = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", NATIONAL_ID, "CREDIT_CARD", "IP_ADDRESS", LOCATION)


def is_foreign_id(entity_type: str) -> bool:
    return entity_type in FOREIGN_ID_TYPES or entity_type.startswith(FOREIGN_ID_PREFIXES)


@dataclass(frozen=True)
class Scheme:
    """How one data set is scored: which canonical types get a row, which form the headline."""

    name: str
    scored: tuple[str, ...]
    headline: tuple[str, ...] = HEADLINE
    gold_labels: dict[str, str | None] = field(default_factory=dict)  # raw gold label -> canonical / None

    def gold_type(self, label: str) -> str | None:
        if label in self.gold_labels:
            return self.gold_labels[label]
        return self.canonical(label)

    def canonical(self, entity_type: str | None) -> str | None:
        """The scored type a predicted (or gold) type counts as, OTHER_ID, or None (not scored)."""
        if not entity_type:
            return None
        if entity_type in NATIONAL_ID_TYPES:
            return NATIONAL_ID
        if entity_type in LOCATION_ALIASES:
            return LOCATION
        if entity_type in self.scored or entity_type in CORE_TYPES:
            return entity_type
        if is_foreign_id(entity_type):
            return OTHER_ID
        return None


EU_SCHEME = Scheme("eu-corpus", scored=(*HEADLINE, "PASSWORD"))


# =================================================================================== entities


@dataclass(frozen=True)
class Span:
    """A gold or predicted span. `entity_type` is canonical; `raw_type` what the source said."""

    file: str
    record: int | None
    field: str | None
    start: int
    end: int
    entity_type: str
    raw_type: str = ""
    tag: str = ""
    preview: str = ""

    @property
    def where(self) -> tuple:
        return self.file, self.record, self.field

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Counts:
    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.predicted_matched += other.predicted_matched
        self.gold += other.gold
        self.gold_matched += other.gold_matched

    @property
    def false_positives(self) -> int:
        return self.predicted - self.predicted_matched

    @property
    def false_negatives(self) -> int:
        return self.gold - self.gold_matched

    @property
    def precision(self) -> float | None:
        return self.predicted_matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.gold_matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "support": self.gold,
            "predicted": self.predicted,
            "tp_predicted": self.predicted_matched,
            "tp_gold": self.gold_matched,
            "fp": self.false_positives,
            "fn": self.false_negatives,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass
class EntityResult:
    by_type: dict[str, Counts]
    false_negatives: list[Span]
    false_positives: list[Span]
    matched_gold: list[tuple[Span, Span]]  # (gold, first matching prediction)

    def micro(self, types: Iterable[str], include_other: bool = True) -> Counts:
        total = Counts()
        for entity_type in types:
            total.add(self.by_type.get(entity_type, Counts()))
        if include_other:
            total.add(self.by_type.get(OTHER_ID, Counts()))
        return total

    def get(self, entity_type: str) -> Counts:
        return self.by_type.get(entity_type, Counts())


def match_entities(gold: Iterable[Span], predicted: Iterable[Span]) -> EntityResult:
    """Overlap matching within (file, record, field) and canonical type; see the module docstring."""
    gold_by: dict[tuple, list[Span]] = defaultdict(list)
    pred_by: dict[tuple, list[Span]] = defaultdict(list)
    by_type: dict[str, Counts] = defaultdict(Counts)
    for span in gold:
        gold_by[(*span.where, span.entity_type)].append(span)
        by_type[span.entity_type].gold += 1
    for span in predicted:
        pred_by[(*span.where, span.entity_type)].append(span)
        by_type[span.entity_type].predicted += 1
    false_negatives, false_positives, matched = [], [], []
    for key, spans in gold_by.items():
        candidates = pred_by.get(key, [])
        for span in spans:
            hit = next((p for p in candidates if p.overlaps(span)), None)
            if hit is None:
                false_negatives.append(span)
            else:
                by_type[span.entity_type].gold_matched += 1
                matched.append((span, hit))
    for key, spans in pred_by.items():
        candidates = gold_by.get(key, [])
        for span in spans:
            if any(g.overlaps(span) for g in candidates):
                by_type[span.entity_type].predicted_matched += 1
            else:
                false_positives.append(span)
    return EntityResult(dict(by_type), false_negatives, false_positives, matched)


# ====================================================================================== rules

RuleKey = tuple[str, int | None, str]  # (file, record, rule_id)


@dataclass
class RuleResult:
    by_rule: dict[str, Counts]
    false_negatives: list[RuleKey]
    false_positives: list[RuleKey]

    def micro(self) -> Counts:
        total = Counts()
        for counts in self.by_rule.values():
            total.add(counts)
        return total


def match_rules(gold: Iterable[RuleKey], predicted: Iterable[RuleKey], optional: Iterable[RuleKey] = ()) -> RuleResult:
    """Exact matching of (file, record, rule_id) keys; optional gold keys are ignored on both sides."""
    skip = set(optional)
    gold_set = set(gold) - skip
    pred_set = set(predicted) - skip
    by_rule: dict[str, Counts] = defaultdict(Counts)
    for key in gold_set:
        counts = by_rule[key[2]]
        counts.gold += 1
        counts.gold_matched += key in pred_set
    for key in pred_set:
        counts = by_rule[key[2]]
        counts.predicted += 1
        counts.predicted_matched += key in gold_set
    return RuleResult(
        dict(by_rule),
        sorted(gold_set - pred_set, key=_rule_sort),
        sorted(pred_set - gold_set, key=_rule_sort),
    )


def _rule_sort(key: RuleKey) -> tuple:
    file, record, rule_id = key
    return rule_id, file, -1 if record is None else record


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
