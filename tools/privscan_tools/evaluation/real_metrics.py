"""Exact-span and overlap P/R/F1 for PERSON and LOCATION on human-labelled real text.

Gold labels are the corpus's (PER, LOC, ORG, MISC/OTH, GermEval's LOCderiv ...); `gold_type` maps PER to
PERSON and LOC to LOCATION and leaves every other label unscored. Predictions keep every PERSON and
LOCATION span the tool reports, so a PERSON reported on an ORG span is a false positive.

    exact    a prediction is correct when a gold span of the same type has the same start and end
    overlap  a prediction is correct when it overlaps a gold span of the same type in the same sentence;
             a gold span is found when some prediction of its type overlaps it

    precision = correct predictions / predictions, recall = found gold spans / gold spans, F1 = 2PR/(P+R)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

PERSON, LOCATION = "PERSON", "LOCATION"
SCORED = (PERSON, LOCATION)
GOLD_LABELS = {"PER": PERSON, "LOC": LOCATION}


def gold_type(label: str) -> str | None:
    """PERSON / LOCATION for a corpus label (with or without a B-/I- prefix), None for the rest."""
    return GOLD_LABELS.get(label.split("-", 1)[-1])


@dataclass(frozen=True)
class LabeledSpan:
    """A span of one sentence (`doc`): character offsets and a label (gold: the corpus's; predicted: canonical)."""

    doc: str
    start: int
    end: int
    label: str

    def overlaps(self, other: LabeledSpan) -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class PRF:
    """Counts behind one precision/recall pair."""

    predicted: int
    correct: int  # predictions judged correct
    gold: int
    found: int  # gold spans judged found

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        rounded = {name: _round(getattr(self, name)) for name in ("precision", "recall", "f1")}
        return {"predicted": self.predicted, "correct": self.correct, "gold": self.gold, "found": self.found, **rounded}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _by_doc(spans: Iterable[LabeledSpan]) -> dict[str, list[LabeledSpan]]:
    grouped: dict[str, list[LabeledSpan]] = defaultdict(list)
    for span in spans:
        grouped[span.doc].append(span)
    return grouped


def score(gold: Iterable[LabeledSpan], predicted: Iterable[LabeledSpan], entity_type: str) -> dict[str, PRF]:
    """Exact and overlap counts for one canonical type; `gold` carries corpus labels, `predicted` canonical."""
    gold_spans = [s for s in gold if gold_type(s.label) == entity_type]
    predictions = [s for s in predicted if s.label == entity_type]
    gold_keys = {(s.doc, s.start, s.end) for s in gold_spans}
    prediction_keys = {(s.doc, s.start, s.end) for s in predictions}
    exact_correct = sum((s.doc, s.start, s.end) in gold_keys for s in predictions)
    exact_found = sum((s.doc, s.start, s.end) in prediction_keys for s in gold_spans)
    gold_by_doc, predicted_by_doc = _by_doc(gold_spans), _by_doc(predictions)
    overlap_correct = sum(any(s.overlaps(g) for g in gold_by_doc[s.doc]) for s in predictions)
    overlap_found = sum(any(g.overlaps(s) for s in predicted_by_doc[g.doc]) for g in gold_spans)
    return {
        "exact": PRF(len(predictions), exact_correct, len(gold_spans), exact_found),
        "overlap": PRF(len(predictions), overlap_correct, len(gold_spans), overlap_found),
    }


def on_label(gold: Iterable[LabeledSpan], predicted: Iterable[LabeledSpan], entity_type: str, label: str) -> int:
    """Predictions of `entity_type` that overlap a gold span labelled `label` (e.g. PERSON on ORG)."""
    gold_by_doc = _by_doc(s for s in gold if s.label.split("-", 1)[-1] == label)
    return sum(any(s.overlaps(g) for g in gold_by_doc[s.doc]) for s in predicted if s.label == entity_type)


def is_capitalised_common_noun(text: str, span: LabeledSpan, gold: Iterable[LabeledSpan]) -> bool:
    """German rule for a predicted span that is a common noun: one token, capitalised, not the sentence's
    first token, and inside no gold entity of any label. German capitalises every noun, so a capitalised
    word mid-sentence that the annotators did not mark as a name is, in practice, a common noun."""
    value = text[span.start : span.end]
    if not value or any(ch.isspace() for ch in value) or not value[0].isupper() or span.start == 0:
        return False
    return not any(span.overlaps(g) for g in gold)


def common_noun_share(texts: dict[str, str], gold: Iterable[LabeledSpan], predicted: Iterable[LabeledSpan]) -> dict:
    """Share of predicted PERSON spans that are a capitalised common noun (`is_capitalised_common_noun`)."""
    gold_by_doc = _by_doc(gold)
    persons = [s for s in predicted if s.label == PERSON]
    nouns = sum(is_capitalised_common_noun(texts[s.doc], s, gold_by_doc[s.doc]) for s in persons)
    return {
        "person_predictions": len(persons),
        "common_nouns": nouns,
        "share": _round(nouns / len(persons) if persons else None),
    }
