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
from presidio_analyzer.nlp_engine import NlpArtifacts

from privscan.engine.config import EngineConfig, ignored_entities
from privscan.engine.prefilter import NER_ENTITIES, candidate_entities, may_hold_names
from privscan.engine.profile import ColumnProfiler
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


FULL, PATTERN, TYPED, NER_VALUE, SKIP = "full", "pattern", "typed", "ner_value", "skip"


class Scanner:
    """Detection over cells. With a `ColumnProfiler`, tabular columns are routed by their profile."""

    def __init__(self, analyzer: AnalyzerEngine, config: EngineConfig, signals: SignalDetector | None = None):
        self.analyzer = analyzer
        self.config = config
        self.signals = signals
        self._ignored = ignored_entities()
        self._entities = sorted(set(analyzer.get_supported_entities(config.language)) - self._ignored)
        self._nlp = analyzer.nlp_engine.nlp[config.language]
        self._recognizers_for = {
            entity: analyzer.registry.get_recognizers(config.language, entities=[entity])
            for entity in self._entities
        }

    def detect(
        self, cells: Iterable[Cell], profiler: ColumnProfiler | None = None
    ) -> Iterator[tuple[Cell, list[Detection]]]:
        """Yield every cell with its detections (possibly empty), in input order.

        A cell longer than MAX_PIECE_CHARS is yielded once per piece.
        """
        units = ((cell, offset, piece) for cell in cells for offset, piece in pieces(cell.text))
        cache = ResultCache()
        while batch := list(islice(units, self.config.batch_size)):
            yield from self._detect_batch(batch, profiler, cache)

    def _route(self, cell: Cell, profiler: ColumnProfiler | None) -> str:
        if profiler is None or cell.field is None:
            return FULL
        profile = profiler.profile(cell.field)
        if not profile.decided or profile.mode == "free_text":
            return FULL
        if profile.mode == "typed":
            return NER_VALUE if profile.typed_as in NER_ENTITIES else TYPED
        if profile.mode == "quiet" and profile.known_shape(cell.text):
            return SKIP
        return PATTERN

    def _detect_batch(self, batch, profiler, cache):
        routes = [self._route(cell, profiler) for cell, _, _ in batch]
        cached = [cache.get(cell, piece) if route in (FULL, PATTERN) else None for (cell, _, piece), route in zip(batch, routes)]
        artifacts = self._nlp_for(batch, routes, cached)
        for index, ((cell, offset, piece), route) in enumerate(zip(batch, routes)):
            if cached[index] is not None:
                detections = cached[index]
            elif route == FULL:
                detections = self._full(cell, offset, piece, artifacts.get(index))
            elif route == SKIP:
                detections = []
            elif route == NER_VALUE:
                detections = self._ner_value(cell, profiler.profile(cell.field)) or self._pattern(cell, offset, piece)
            elif route == TYPED:
                detections = self._typed(cell, profiler.profile(cell.field)) or self._pattern(cell, offset, piece)
            else:
                detections = self._pattern(cell, offset, piece)
            if route in (FULL, PATTERN) and cached[index] is None:
                cache.put(cell, piece, offset, detections)
            if route == FULL and profiler is not None and cell.field is not None:
                profiler.observe(cell, detections)
            yield cell, detections

    def _nlp_for(self, batch, routes, cached) -> dict[int, NlpArtifacts]:
        """Run spaCy on the texts that need it, NER only where a name may be: {unit index: artifacts}."""
        groups: dict[bool, list[int]] = {True: [], False: []}
        for index, ((cell, _, piece), route) in enumerate(zip(batch, routes)):
            if route != FULL or cached[index] is not None:
                continue
            names = may_hold_names(piece)
            if names or (self.signals is not None and is_free_text(piece)):
                groups[names].append(index)
        artifacts = {}
        for with_ner, indexes in groups.items():
            if indexes:
                texts = [batch[i][2] for i in indexes]
                processed = self.analyzer.nlp_engine.process_texts(texts, self.config.language, with_ner)
                artifacts.update(zip(indexes, processed))
        return artifacts

    # -- the routes -------------------------------------------------------------------------
    def _full(self, cell: Cell, offset: int, piece: str, nlp_artifacts: NlpArtifacts | None) -> list[Detection]:
        """spaCy + every recognizer that could match; statements in free text.

        Without artifacts, spaCy had nothing to find here (no possible name, no prose): patterns only.
        """
        if nlp_artifacts is None:
            return self._pattern(cell, offset, piece)
        detections = self._analyze(cell, offset, piece, nlp_artifacts, with_ner=True)
        if self.signals is not None and is_free_text(piece):
            detections += self._statements(cell, offset, nlp_artifacts.tokens)
        return detections

    def _pattern(self, cell: Cell, offset: int, piece: str) -> list[Detection]:
        """Pattern and checksum recognizers only, on a tokenized (not parsed) text."""
        return self._analyze(cell, offset, piece, None, with_ner=False)

    def _typed(self, cell: Cell, profile) -> list[Detection]:
        """A cell of a column typed by its sample: confirm with that entity's own recognizers."""
        entity = profile.typed_as
        text = cell.text
        for recognizer in self._recognizers_for.get(entity, ()):
            for result in recognizer.analyze(text, [entity], None) or ():
                if text[: result.start].strip() == "" and text[result.end :].strip() == "":
                    return [Detection(cell, entity, result.start, result.end, profile.best_score[entity])]
        return []

    def _ner_value(self, cell: Cell, profile) -> list[Detection]:
        """A cell of a names / places column: the value is the entity when it looks like one."""
        stripped = cell.text.strip()
        if not stripped or not plausible(profile.typed_as, stripped) or not any(ch.isalpha() for ch in stripped):
            return []
        lead = len(cell.text) - len(cell.text.lstrip())
        return [Detection(cell, profile.typed_as, lead, lead + len(stripped), profile.best_score[profile.typed_as])]

    def _analyze(self, cell: Cell, offset: int, piece: str, nlp_artifacts, with_ner: bool) -> list[Detection]:
        entities = candidate_entities(piece, self._entities, with_ner=with_ner)
        if not entities:
            return []
        results = self.analyzer.analyze(
            text=piece,
            language=self.config.language,
            entities=entities,
            nlp_artifacts=nlp_artifacts or self._tokens_only(piece),
            context=field_context(cell.field),
            score_threshold=self.config.score_threshold,
        )
        kept = [r for r in results if plausible(r.entity_type, piece[r.start : r.end])]
        return [Detection(cell, r.entity_type, offset + r.start, offset + r.end, r.score) for r in _drop_overlaps(kept)]

    def _tokens_only(self, text: str) -> NlpArtifacts:
        """What Presidio's context enhancement needs (tokens, lemmas) from the tokenizer alone: no model runs."""
        doc = self._nlp.make_doc(text)
        return NlpArtifacts(
            entities=[], tokens=doc, tokens_indices=[t.idx for t in doc], lemmas=[t.lower_ for t in doc],
            nlp_engine=self.analyzer.nlp_engine, language=self.config.language,
        )

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


class ResultCache:
    """Detections of texts already seen in this object (system prompts, boilerplate turns, repeated values).

    Keyed by text, column and role (they change context and rules); bounded, cleared when full.
    """

    MAX_ENTRIES = 50_000
    MAX_CHARS = 2_000

    def __init__(self) -> None:
        self._entries: dict[tuple, list[tuple]] = {}

    def get(self, cell: Cell, piece: str) -> list[Detection] | None:
        if len(piece) > self.MAX_CHARS:
            return None
        hit = self._entries.get((piece, cell.field, cell.role))
        if hit is None:
            return None
        return [Detection(cell, *values, rule_ids=list(rule_ids)) for *values, rule_ids in hit]

    def put(self, cell: Cell, piece: str, offset: int, detections: list[Detection]) -> None:
        if len(piece) > self.MAX_CHARS or offset:
            return
        if len(self._entries) >= self.MAX_ENTRIES:
            self._entries.clear()
        self._entries[(piece, cell.field, cell.role)] = [
            (d.entity_type, d.start, d.end, d.score, d.kind, tuple(d.rule_ids)) for d in detections
        ]


def plausible(entity_type: str, span: str) -> bool:
    """Drop NER output that cannot be a name or place: spaCy tags codes such as ``C-10016`` as PERSON."""
    if entity_type in ("PERSON", "NRP"):
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
