"""Run detection over a stream of cells, in batches, and yield raw detections.

A `Detection` still points at the text it came from; callers turn it into a
`Finding` (masked preview + fingerprint) and drop the text right away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from presidio_analyzer import AnalyzerEngine

from privscan.engine.config import EngineConfig, ignored_entities
from privscan.engine.signals import SignalDetector
from privscan.readers.base import Cell

# spaCy refuses texts over nlp.max_length (1,000,000 chars) and slows down far earlier;
# longer values are cut at whitespace into pieces of at most this size.
MAX_PIECE_CHARS = 100_000
_FIELD_WORDS = re.compile(r"[A-Za-z]+")


@dataclass(slots=True)
class Detection:
    cell: Cell
    entity_type: str  # a Presidio entity, or a signal category such as HEALTH_DATA
    start: int  # offsets inside cell.text
    end: int
    score: float
    kind: str = "entity"  # "entity" | "signal" | "marker" (evidence for rules, never reported)
    rule_ids: list[str] = field(default_factory=list)
    severity: str | None = None  # set by the rules; None: the entity's default severity

    @property
    def value(self) -> str:
        return self.cell.text[self.start : self.end]


def field_context(field: str | None) -> list[str]:
    """Words of a column name or JSON path, used by Presidio as context (``customer_iban`` → customer, iban)."""
    if not field:
        return []
    return [w.lower() for w in _FIELD_WORDS.findall(field.replace("_", " "))]


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """Split `text` into (offset, piece) chunks of at most `limit` chars, preferring whitespace cuts."""
    offset = 0
    while len(text) - offset > limit:
        cut = text.rfind(" ", offset + limit // 2, offset + limit)
        cut = cut if cut > offset else offset + limit
        yield offset, text[offset:cut]
        offset = cut
    yield offset, text[offset:]


def is_free_text(text: str) -> bool:
    """Prose worth reading for statements (not a code, a number or a single word)."""
    return len(text) >= 12 and " " in text.strip()


class Scanner:
    def __init__(self, analyzer: AnalyzerEngine, config: EngineConfig, signals: SignalDetector | None = None):
        self.analyzer = analyzer
        self.config = config
        self.signals = signals
        self._ignored = ignored_entities()

    def detect(self, cells: Iterable[Cell]) -> Iterator[tuple[Cell, list[Detection]]]:
        """Yield every cell with its detections (possibly empty), in input order."""
        units = ((cell, offset, piece) for cell in cells for offset, piece in pieces(cell.text))
        while batch := list(islice(units, self.config.batch_size)):
            yield from self._detect_batch(batch)

    def _detect_batch(self, batch: list[tuple[Cell, int, str]]) -> Iterator[tuple[Cell, list[Detection]]]:
        nlp_engine = self.analyzer.nlp_engine
        artifacts = nlp_engine.process_batch(
            [piece for _, _, piece in batch], language=self.config.language, batch_size=len(batch)
        )
        for (cell, offset, piece), (_, nlp_artifacts) in zip(batch, artifacts, strict=True):
            results = self.analyzer.analyze(
                text=piece,
                language=self.config.language,
                nlp_artifacts=nlp_artifacts,
                context=field_context(cell.field),
                score_threshold=self.config.score_threshold,
            )
            kept = [
                r for r in results
                if r.entity_type not in self._ignored and plausible(r.entity_type, piece[r.start : r.end])
            ]
            detections = [
                Detection(cell, r.entity_type, offset + r.start, offset + r.end, r.score) for r in _drop_overlaps(kept)
            ]
            if self.signals is not None and is_free_text(piece):
                detections += self._statements(cell, offset, nlp_artifacts.tokens)
            yield cell, detections

    def _statements(self, cell: Cell, offset: int, doc) -> list[Detection]:
        """Signals of special categories and rights in a turn or text; AI-disclosure markers in assistant turns."""
        if cell.role == "assistant":
            found = self.signals.detect_ai_disclosure(doc)
        else:
            found = self.signals.detect(doc)
        return [
            Detection(cell, s.category, offset + s.start, offset + s.end, s.score,
                      kind="signal" if s.rule_id else "marker", rule_ids=[s.rule_id] if s.rule_id else [])
            for s in found
        ]


def plausible(entity_type: str, span: str) -> bool:
    """Drop NER output that cannot be a name or place: spaCy tags codes such as ``C-10016`` as PERSON."""
    if entity_type in {"PERSON", "NRP"}:
        return not any(ch.isdigit() for ch in span)
    if entity_type == "LOCATION":
        return sum(ch.isdigit() for ch in span) <= 0.3 * len(span)
    return True


def _drop_overlaps(results):
    """Keep the best-scoring result where spans overlap (Presidio keeps different-type overlaps)."""
    kept = []
    for result in sorted(results, key=lambda r: (-r.score, r.start, -(r.end - r.start), r.entity_type)):
        if all(result.end <= k.start or result.start >= k.end for k in kept):
            kept.append(result)
    return sorted(kept, key=lambda r: (r.start, r.end))
