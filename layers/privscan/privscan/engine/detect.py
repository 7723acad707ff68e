"""The heavy, stateless part of scanning: detections for a batch of text units.

It runs in the scanning process or in worker processes (engine/parallel.py), so
its input and output are plain picklable values: `Unit`s in, tuples out. Which
route a unit takes was decided by the scanner from the column profiles.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from privscan.engine.config import EngineConfig, ignored_entities
from privscan.engine.deadline import DeadlineExceeded, check
from privscan.engine.language import language_of
from privscan.engine.language import preload as preload_language_identifier
from privscan.engine.name_cues import cued_names, known_places, propagated
from privscan.engine.national_ids import NATIONAL_ID_ENTITIES, fold, header_evidence, identify
from privscan.engine.ner_filters import foreign_span, trim
from privscan.engine.ner_models import NerModels
from privscan.engine.phone import possible_phone_value
from privscan.engine.prefilter import (
    STOP_WORDS,
    STOP_WORDS_BY_LANGUAGE,
    candidate_entities,
    names_in_language,
    ner_gate,
)
from privscan.engine.profile import looks_like, value_span
from privscan.engine.recognize import RecognizerRunner
from privscan.engine.recognizers import EU_ENTITIES
from privscan.engine.recognizers.stdnum_recognizer import CONTEXT_VETO_KEY
from privscan.engine.signals import SignalDetector
from privscan.vocabulary import DetectionKind, Route

# plain strings on the hot path: every cell's Unit carries one to the workers
FULL, PATTERN, TYPED, NER_VALUE, SKIP = (
    r.value for r in (Route.FULL, Route.PATTERN, Route.TYPED, Route.NER_VALUE, Route.SKIP)
)
ENTITY = DetectionKind.ENTITY.value
NER_COMPONENTS = frozenset({"ner"})  # en_core_web_sm's NER has its own tok2vec
STATEMENT_COMPONENTS = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"})
_FIELD_WORDS = re.compile(r"[^\W\d_]+")  # letters of any script: ЕГН, ΑΜΚΑ, rodné číslo
LEMMA_CACHE_LIMIT = 100_000  # (word, POS, morphology) entries, about 20 MB
VOCAB_GROWTH = 200_000  # strings a worker's vocabulary may gain for good (tens of MB) before memory zones
# Columns of product and business codes: numbers in them are not people's identifiers, whatever checksum they pass.
CODE_COLUMN = re.compile(
    r"(?i)(^|_)(ean|gtin|upc|barcode|sku|isbn|asin|mpn|serial|batch|lot|order|invoice|tracking|product|article|artikel|"
    r"item|part|model|catalog|catalogue|stock|shipment|parcel|package|voucher|coupon|ticket|booking)"
    r"(_?(no|nr|num|number|id|code))?($|_)"
)
NUMERIC_IDENTIFIERS_IN_CODES = frozenset({"CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE", *EU_ENTITIES})

# Numbers a national identifier named by its context wins over (prefer_named_ids).
OUTRANKED_BY_NAMED_ID = frozenset({"PHONE_NUMBER", "EU_VAT_NUMBER"})
# (entity_type, start, end, score, kind, rule_ids): a detection without its cell, offsets inside the unit's cell
DetectionTuple = tuple[str, int, int, float, str, tuple[str, ...]]


class Unit(NamedTuple):  # a tuple: built for every cell and pickled to the workers, both cheap for tuples
    """One piece of a cell to analyse, with its route and what its column's profile says; a tuple because one is
    built for every cell and sent to the workers."""

    text: str  # the piece of the cell to scan
    offset: int  # where the piece starts in the cell
    field: str | None
    role: str | None
    route: str = FULL
    typed_as: str | None = None  # TYPED / NER_VALUE: the column's entity ...
    typed_score: float = 0.0  # ... and the score its sample earned
    identifiers: bool = True  # an identifier column's value is tried against every validator (_identifier_cell)


class Task(NamedTuple):
    """A batch as sent to the detector: its units, and the deadline (time.monotonic()) of its scan, if any."""

    units: list[Unit]
    deadline: float | None = None


def field_context(field: str | None) -> list[str]:
    """Words of a column name or JSON path, and the whole name as a phrase, used by Presidio as context.

    ``id_card_no`` → id, card, no, "id card no": the phrase lets multi-word context ("id card") match.
    Words are casefolded; a word with accents also comes without them (``číslo`` → číslo, cislo), so that
    context words written either way match.
    """
    if not field:
        return []
    words = [w.casefold() for w in _FIELD_WORDS.findall(field.replace("_", " "))]
    plain = [fold(w) for w in words]
    context = words + [p for p, w in zip(plain, words, strict=True) if p != w]
    if len(words) > 1:
        context.append(" ".join(words))
        if plain != words:
            context.append(" ".join(plain))
    return context


def is_free_text(text: str, role: str | None = None) -> bool:
    """Prose worth reading for statements (not a code, a number or a single word). An assistant's turn counts
    from two words on: a short self-description ("I'm a bot.", "Soy una IA.") is a disclosure."""
    return len(text) >= (6 if role == "assistant" else 12) and " " in text.strip()


_INITIAL = re.compile(r"^[A-ZÀ-ÖØ-Þ]\.$")  # "A." in "Maria A. Lindqvist"
_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")  # I to XXXIX


def _function_word(word: str, index: int, stop_words: frozenset[str]) -> bool:
    """Whether a word of a PERSON span is a function word: an initial ("A.") never is, nor a word written like a
    name after the span's first, which is a name spelt like a function word of the language ("Mathias Lang"; "Ben
    Markey" in a text too short to tell its language). A lone capital is ("Maria A Lindqvist")."""
    if _INITIAL.match(word) or (index and word[0].isupper() and any(ch.islower() for ch in word[1:])):
        return False
    return word.casefold().strip(".,'’") in stop_words


def plausible(entity_type: str, span: str, language: str | None = None, capitals: bool = False) -> bool:
    """Drop NER output that cannot be a name or place.

    spaCy's English model tags codes such as ``C-10016``, and phrases of other languages such as
    "Je suis désolé" or "votre profil", as PERSON: a name has no digits, no function words, and at
    least one word written like a name (capital, then lower case). Function words are those of the text's
    `language` when it is known (in English text "Ed Hartley", "Dan Kowalczyk" and "Maria A. Lindqvist" are names,
    though "ed", "dan" and "a" are Italian, Dutch and Spanish function words), of every language otherwise;
    an initial ("A.") is never one. `capitals`: the language's own model found the span, and a word of five or
    more capital letters counts as written like a name (the surnames of notices: "THORBECKE", "J. C. BÜSTERBOS").
    """
    if entity_type == "PERSON":
        words = span.replace("-", " ").split()
        stop_words = STOP_WORDS_BY_LANGUAGE.get(language, STOP_WORDS)
        return (
            not any(ch.isdigit() for ch in span)
            and not any(_function_word(word, index, stop_words) for index, word in enumerate(words))
            and any(
                (word[0].isupper() and any(ch.islower() for ch in word[1:]))
                or (capitals and len(word.strip(".,")) >= 5 and word.strip(".,").isalpha() and word.isupper())
                for word in words
            )
            and not any(  # "Batch LOT"; a regnal number after a name is no code: "Ludwig XII", "Pius IX"
                word.isalpha() and word.isupper() and 2 <= len(word) <= 4 and not (index and _ROMAN.match(word))
                for index, word in enumerate(words)
            )
        )
    if entity_type == "NRP":
        return not any(ch.isdigit() for ch in span)
    if entity_type == "LOCATION":
        return sum(ch.isdigit() for ch in span) <= 0.3 * len(span)
    return True


def language_filtered(results, text: str, language: str | None, foreign: bool = False):
    """NER results without the language's words that are never a name or place (engine/ner_filters.py): such a
    result is dropped, or cut down to the rest of its span. `foreign`: the English model read a text of another
    language, and only the part of a span written like a name in any language is kept (then trimmed again:
    "Quanto al Parlamento" comes down to "Parlamento", one common word of Italian)."""
    kept = []
    for result in results:
        span = trim(result.entity_type, text, result.start, result.end, language, foreign)
        if span is not None and foreign:
            span = foreign_span(result.entity_type, text, *span)
            if span is not None:
                span = trim(result.entity_type, text, *span, language, foreign)
        if span is not None:
            result.start, result.end = span
            kept.append(result)
    return kept


RECALLED_SCORE = 0.85  # a recalled name scores as a NER model's entity does in Presidio


def with_known_places(results, text: str, language: str | None, entities: list[tuple[int, int]]) -> list:
    """`results` with the countries and continents the model missed or read as persons (name_cues.known_places):
    a PERSON result that is a country's name becomes a LOCATION, and a country named where no result and no
    entity of the model is becomes one."""
    persons = [(r.start, r.end) for r in results if r.entity_type == "PERSON"]
    relabelled, added = known_places(text, language, persons, [(r.start, r.end) for r in results], entities)
    for result in results:
        if result.entity_type == "PERSON" and (result.start, result.end) in relabelled:
            result.entity_type = "LOCATION"
    return results + [RecognizerResult("LOCATION", start, end, RECALLED_SCORE) for start, end in added]


def with_recalled_names(
    results, text: str, language: str | None, nlp_artifacts: NlpArtifacts, foreign: bool = False
) -> list:
    """`results` with PERSON results for the names the NER model missed (engine/name_cues.py): those a title, a
    role noun or a given name announces, then the other mentions of a found person's surname. Nothing is recalled
    where another result is, but a cue overrules the model's place inside the name (``Herr Hagen``); the model's
    other entities (organisations, dates) stop a given name's rule, not a title's. The English model's entities
    in a text of another language (`foreign`) are no evidence either way."""
    entities = [(e.start_char, e.end_char) for e in (*nlp_artifacts.entities, *nlp_artifacts.tokens.ents)]
    results = with_known_places(results, text, language, entities)
    taken = [(r.start, r.end) for r in results]
    places = [(r.start, r.end) for r in results if r.entity_type == "LOCATION"]
    others = []
    if not foreign:
        others = [(e.start_char, e.end_char) for e in nlp_artifacts.entities if e.label_ != "PERSON"]
        others += [(e.start_char, e.end_char) for e in nlp_artifacts.tokens.ents if e.label_ != "PERSON"]
    persons = [(r.start, r.end) for r in results if r.entity_type == "PERSON"]
    cued, titled = cued_names(text, language, taken, others, places, persons)
    if not cued and not persons:
        return results
    results = [
        r
        for r in results
        if r.entity_type not in ("LOCATION", "PERSON") or not any(s <= r.start and r.end <= e for s, e in cued)
    ]
    taken = [(r.start, r.end) for r in results]
    persons = [(r.start, r.end) for r in results if r.entity_type == "PERSON"] + cued
    persons = [span for span in persons if plausible("PERSON", text[span[0] : span[1]], language)]
    places += [(r.start, r.end) for r in results if r.entity_type not in ("PERSON", "LOCATION")] + others
    spans = cued + propagated(text, language, persons, titled, taken + cued, places)
    return results + [RecognizerResult("PERSON", start, end, RECALLED_SCORE) for start, end in spans]


def context_named(result) -> bool:
    """A result whose score a context word near it (or the column name) raised, without the short-word veto."""
    explanation = result.analysis_explanation
    supported = explanation is not None and bool(getattr(explanation, "supportive_context_word", ""))
    return supported and CONTEXT_VETO_KEY not in (result.recognition_metadata or {})


def prefer_named_ids(results):
    """Where a national identifier named by its context overlaps another country's identifier, a phone
    number or a VAT number that the context does not name, keep the named one: "PESEL 44051401359" is a
    PESEL even though it is also a valid phone number, or a valid Belgian number with a stronger check;
    "OIB HR 33392005961" is the person's OIB, which is also their VAT number."""
    named = [r for r in results if r.entity_type in NATIONAL_ID_ENTITIES and context_named(r)]
    if not named:
        return results
    return [
        r
        for r in results
        if r in named
        or not (r.entity_type in NATIONAL_ID_ENTITIES or r.entity_type in OUTRANKED_BY_NAMED_ID)
        or all(r.end <= n.start or r.start >= n.end for n in named)
    ]


def drop_overlaps(results):
    """Keep the best-scoring result where spans overlap (Presidio keeps different-type overlaps)."""
    kept = []
    for result in sorted(results, key=lambda r: (-r.score, r.start, -(r.end - r.start), r.entity_type)):
        if all(result.end <= k.start or result.start >= k.end for k in kept):
            kept.append(result)
    return sorted(kept, key=lambda r: (r.start, r.end))


_ARRAY_INDEX = re.compile(r"\[\d+\]")  # "messages[3].content": a JSON path's position in a list


def field_reading(field: str | None) -> tuple:
    """All that the detector reads from a field name: its context words, its identifier evidence and whether it
    names a column of codes (`Detector._identifier_cell`, `Detector._analyze`)."""
    if not field:
        return (None,)
    return tuple(field_context(field)), header_evidence(field), CODE_COLUMN.search(field) is not None


class ResultCache:
    """Detections of texts already seen (system prompts, boilerplate turns, repeated values).

    Keyed by text, field, role (they change context and rules) and route (a text checked for patterns
    only must not answer for a full analysis); only the full and pattern routes, whose result depends on
    nothing else. A field is keyed without its JSON list positions (`messages[3].content` as
    `messages[].content`) where the detector reads the same from both (`field_reading`), so that a turn
    repeated at another position of a conversation is answered from the cache.

    Bounded: when full, the entries asked for again since the last time it was full are kept (a conversation
    set's boilerplate turns and common sentences) and the others dropped (the numbers and turns met once, which
    would otherwise push the repeated ones out every few megabytes); emptied when those alone fill half of it.
    """

    MAX_ENTRIES = 50_000
    MAX_CHARS = 2_000
    MAX_FIELDS = 10_000

    def __init__(self) -> None:
        self._entries: dict[tuple, list[DetectionTuple]] = {}
        self._reused: set[tuple] = set()  # keys answered from the cache since it was last full
        self._fields: dict[str | None, str | None] = {}

    def field_key(self, field: str | None) -> str | None:
        """The field as the cache keys it: without list positions when that changes nothing the detector reads."""
        key = self._fields.get(field)
        if key is None:
            key = field
            if field and "[" in field:
                general = _ARRAY_INDEX.sub("[]", field)
                if general != field and field_reading(general) == field_reading(field):
                    key = general
            if len(self._fields) >= self.MAX_FIELDS:
                self._fields.clear()
            self._fields[field] = key
        return key

    def key(self, unit: Unit) -> tuple | None:
        """The cache key of a unit: only whole short values on the full or pattern routes are cached."""
        if unit.offset or len(unit.text) > self.MAX_CHARS or unit.route not in (FULL, PATTERN):
            return None
        return unit.text, self.field_key(unit.field), unit.role, unit.route, unit.identifiers

    def get(self, unit: Unit, key: tuple | None = None) -> list[DetectionTuple] | None:
        """The cached detections of a unit (its `key`, if already made), or None."""
        key = self.key(unit) if key is None else key
        if key is None:
            return None
        found = self._entries.get(key)
        if found is not None:
            self._reused.add(key)
        return found

    def put(self, unit: Unit, detections: list[DetectionTuple]) -> None:
        """Remember a unit's detections; a full cache keeps only its reused entries (`ResultCache`)."""
        key = self.key(unit)
        if key is None:
            return
        if len(self._entries) >= self.MAX_ENTRIES:
            # a snapshot of the set: scans in other threads may be adding to it
            entries, reused, self._reused = self._entries, list(self._reused), set()
            kept = {k: found for k in reused if (found := entries.get(k)) is not None}
            self._entries = kept if len(kept) < self.MAX_ENTRIES // 2 else {}
        self._entries[key] = detections


# Placeholder data (the German "John Doe", the documentation IBAN) that reaches every lazily built part.
PRIMING_UNITS = (
    Unit("Max Mustermann, max@example.com, +49 151 23456789, IBAN DE89 3704 0044 0532 0130 00.", 0, None, "user"),
    Unit("I was diagnosed with diabetes last year and want my data deleted.", 0, None, "user"),
    Unit("I am a virtual assistant, not a human.", 0, None, "assistant"),
)


class Detector:
    """Runs in the worker processes: Presidio with privscan's recognizers, NER where a text can hold a name, and the
    statement signals, per unit."""

    def __init__(self, analyzer: AnalyzerEngine, config: EngineConfig, signals: SignalDetector | None = None):
        self.analyzer = analyzer
        self.config = config
        self.signals = signals
        self.entities = sorted(set(analyzer.get_supported_entities(config.language)) - ignored_entities())
        self._nlp = analyzer.nlp_engine.nlp[config.language]
        self._recognizers_for = {
            entity: analyzer.registry.get_recognizers(config.language, entities=[entity]) for entity in self.entities
        }
        self._recognizers = RecognizerRunner(analyzer, config.language, config.score_threshold)
        self.ner_models = NerModels(config.ner_models_dir)
        preload_language_identifier()  # here, not in a scan: a scan's deadline must not pay for loading it
        lemmatizer = self._nlp.get_pipe("lemmatizer") if "lemmatizer" in self._nlp.pipe_names else None
        self._lemma_cache: dict = getattr(lemmatizer, "cache", {})
        self._vocab_base = len(self._nlp.vocab.strings)
        self.vocab_growth = VOCAB_GROWTH
        self._primed = False
        self._deadline: float | None = None  # of the batch being run (engine/deadline.py)

    def prime(self) -> None:
        """Run once on placeholder text, so that what is built on first use (compiled recognizer patterns,
        the AI-disclosure matchers, the model's first allocations) is built now: before worker processes
        are forked, which then inherit it instead of each building it, and in a Lambda's INIT, which
        SnapStart snapshots."""
        if not self._primed:
            self._primed = True
            self.run(list(PRIMING_UNITS))

    def run_task(self, task) -> object:
        """What worker processes run: `run` of a `Task`'s units by its deadline, or a task that runs itself with this
        detector (a batch of table records to settle, engine/columnar.py `SettleTask`)."""
        if isinstance(task, Task):
            return self.run(task.units, task.deadline)
        return task.run(self)

    def run(self, units: list[Unit], deadline: float | None = None) -> list[list[DetectionTuple]] | None:
        """Detections for each unit, in order; None when `deadline` passed before the batch was done
        (checked between units, spaCy passes and recognizers: a long cell stops near the deadline).

        A long scan meets millions of words once (names, numbers, e-mail addresses): spaCy would keep
        each one's string, lexeme and tokenization for good, and a worker would grow by hundreds of MB
        per GB. Once the vocabulary has grown by `vocab_growth` strings, batches run in a memory zone,
        which frees them after the batch (only plain values leave it). The words of the first batches,
        the object's common ones, stay: re-creating them in every batch would cost about a tenth.
        """
        if len(self._nlp.vocab.strings) < self._vocab_base + self.vocab_growth:
            detections = self._run_by(units, deadline)
        else:
            if self.signals is not None:  # its lazily built matchers must not be built inside the zone
                self.signals.prepare()
            with self._nlp.memory_zone():
                detections = self._run_by(units, deadline)
        if len(self._lemma_cache) > LEMMA_CACHE_LIMIT:  # the rule lemmatizer memoises every word form, unbounded
            self._lemma_cache.clear()
        return detections

    def _run_by(self, units: list[Unit], deadline: float | None) -> list[list[DetectionTuple]] | None:
        """`_run`, or None past the deadline. DeadlineExceeded is caught here, inside the memory zone:
        spaCy's zones do not restore their state when an exception passes through them."""
        self._deadline = deadline
        try:
            return self._run(units)
        except DeadlineExceeded:
            return None
        finally:
            self._deadline = None

    def _run(self, units: list[Unit]) -> list[list[DetectionTuple]]:
        artifacts, tokenized, languages = self._nlp_for(units)
        out = []
        for index, unit in enumerate(units):
            check(self._deadline)
            identified = self._identifier_cell(unit) if unit.field and unit.identifiers else None
            if identified:
                detections = identified
            elif unit.route == FULL:
                detections = self._full(unit, artifacts.get(index), tokenized.get(index), languages.get(index))
            else:
                detections = self.value_detections(unit, identified=False)
            out.append(detections)
        return out

    def value_detections(self, unit: Unit, identified: bool = True) -> list[DetectionTuple]:
        """The detections of a unit on a column's decided route (not FULL): what `run` gives it, one unit at a time.

        The columnar path (engine/columnar.py) asks this for the values it cannot settle with whole-array
        operations, so that a value gets the same answer on either path. `identified=False`: the identifier
        check (`_identifier_cell`) was already made."""
        if identified and unit.field and unit.identifiers:
            found = self._identifier_cell(unit)
            if found:
                return found
        if unit.route == SKIP:
            return []
        if unit.route == NER_VALUE:
            return self._ner_value(unit) or self._pattern(unit)
        if unit.route == TYPED:
            return self._typed(unit) or self._pattern(unit)
        return self._pattern(unit)

    def _nlp_for(self, units: list[Unit]) -> tuple[dict[int, NlpArtifacts], dict[int, Doc], dict[int, str | None]]:
        """Run spaCy on the units that need it, and only the components they need.

        NER where a name may be (a capitalised uncommon word), tagger/lemmatizer/parser where a statement
        may be (a lexicon word). Text with neither gets no model at all, only the pattern recognizers.
        The small model's NER has its own tok2vec, so the statement components and NER each run once over
        their own Docs, in pipeline order (statements first): a Doc that needs both ends up as the whole
        pipeline would leave it, with two spaCy calls per batch instead of one per combination.
        NER runs in the text's language (`_ner`). Returns {unit index: artifacts}, for the units spaCy did
        not run on their tokenized Docs, and the language of each unit NER ran on (None: unknown).
        """
        docs, for_ner, for_statements = {}, [], []
        known: dict[int, str | None] = {}  # languages the gate needed, so that `_ner` does not identify them again
        for index, unit in enumerate(units):
            if unit.route != FULL or unit.role == "system":
                continue  # a system prompt is the operator's text: scanned for patterns (secrets), not people
            doc = docs[index] = self._nlp.make_doc(unit.text)
            if (
                self.signals is not None
                and is_free_text(unit.text, unit.role)
                and self.signals.might_fire(doc, unit.role)
            ):
                for_statements.append(index)
            gate = ner_gate(unit.text)
            if gate is True:
                for_ner.append(index)
            elif gate:  # words that are names in some languages only: the text's language decides
                known[index] = language_of(unit.text)
                if names_in_language(gate, known[index]):
                    for_ner.append(index)
        engine, language = self.analyzer.nlp_engine, self.config.language
        check(self._deadline)
        engine.annotate([docs[i] for i in for_statements], language, STATEMENT_COMPONENTS)
        languages, entities = self._ner(units, docs, for_ner, known)
        modelled = set(for_statements) | set(for_ner)
        artifacts = {i: engine.artifacts(docs[i], language, entities.get(i)) for i in sorted(modelled)}
        return artifacts, {i: doc for i, doc in docs.items() if i not in modelled}, languages

    def _ner(
        self, units: list[Unit], docs: dict[int, Doc], for_ner: list[int], known: dict[int, str | None] | None = None
    ) -> tuple[dict[int, str | None], dict[int, list]]:
        """NER on the units of `for_ner`, each by its language's model (engine/language.py, engine/ner_models.py);
        `known`: languages already identified, by unit index.

        A text in a language with a model of its own gets that model's PERSON and LOCATION spans, returned as
        {unit index: spans}; every other text (English, unknown, or a language without a model) gets the English
        model's NER on its Doc, as before. Returns the languages too, for the false-positive filters.
        """
        known = known or {}
        languages: dict[int, str | None] = {i: known[i] if i in known else language_of(units[i].text) for i in for_ner}
        by_language: dict[str, list[int]] = {}
        english = []
        for index in for_ner:
            code = languages[index]
            if code != self.config.language and self.ner_models.has(code):
                by_language.setdefault(code, []).append(index)
            else:
                english.append(index)
        entities: dict[int, list] = {}
        for code, indices in by_language.items():
            check(self._deadline)
            found = self.ner_models.entities(code, [units[i].text for i in indices], others=True)
            if found is None:  # the pipeline failed to load: the English model, as for a language without one
                english += indices
            else:
                entities.update(zip(indices, found, strict=True))
        check(self._deadline)
        self.analyzer.nlp_engine.annotate([docs[i] for i in sorted(english)], self.config.language, NER_COMPONENTS)
        return languages, entities

    # -- the routes -------------------------------------------------------------------------
    @staticmethod
    def _identifier_cell(unit: Unit) -> list[DetectionTuple] | None:
        """A cell of a column whose name says it holds identifiers: its value tried against every
        national-identifier validator, the country chosen by the header (engine/national_ids.py)."""
        header = header_evidence(unit.field)
        if not header.identifier or CODE_COLUMN.search(unit.field):
            return None
        chosen = identify(unit.text, header)
        return [
            (candidate.entity, unit.offset + candidate.start, unit.offset + candidate.end, score, ENTITY, ())
            for candidate, score in chosen
        ] or None

    def _full(
        self, unit: Unit, nlp_artifacts: NlpArtifacts | None, doc: Doc | None, language: str | None = None
    ) -> list[DetectionTuple]:
        """spaCy + every recognizer that could match; statements in free text.

        Without artifacts, spaCy had nothing to find here (no possible name, no prose): patterns only,
        on the Doc already tokenized for that decision. `language` is the text's, for NER's false-positive
        filters (engine/ner_filters.py).
        """
        if nlp_artifacts is None:
            return self._pattern(unit, doc)
        detections = self._analyze(unit, nlp_artifacts, with_ner=True, language=language)
        check(self._deadline)
        if self.signals is not None and nlp_artifacts.tokens.has_annotation("DEP"):
            detections += self._statements(unit, nlp_artifacts.tokens)
        return detections

    def _pattern(self, unit: Unit, doc: Doc | None = None) -> list[DetectionTuple]:
        """Pattern and checksum recognizers only, on a tokenized (not parsed) text."""
        return self._analyze(unit, None, with_ner=False, doc=doc)

    def _typed(self, unit: Unit) -> list[DetectionTuple]:
        """A cell of a column typed by its sample: confirm with that entity's own recognizers."""
        text, entity = unit.text, unit.typed_as
        if entity == "PHONE_NUMBER":  # the sample showed a phone column: a possible number is enough
            span = possible_phone_value(text)
            if span is not None:
                return [(entity, unit.offset + span[0], unit.offset + span[1], unit.typed_score, ENTITY, ())]
        for recognizer in self._recognizers_for.get(entity, ()):
            for result in recognizer.analyze(text, [entity], None) or ():
                if text[: result.start].strip() == "" and text[result.end :].strip() == "":
                    return [
                        (entity, unit.offset + result.start, unit.offset + result.end, unit.typed_score, ENTITY, ())
                    ]
        return []

    def _ner_value(self, unit: Unit) -> list[DetectionTuple]:
        """A cell of a names / places column: the value is the entity when it looks like one."""
        if not looks_like(unit.typed_as, unit.text):
            return []
        start, end = value_span(unit.text)
        return [(unit.typed_as, unit.offset + start, unit.offset + end, unit.typed_score, ENTITY, ())]

    def _analyze(
        self, unit: Unit, nlp_artifacts, with_ner: bool, doc: Doc | None = None, language: str | None = None
    ) -> list[DetectionTuple]:
        entities = candidate_entities(unit.text, self.entities, with_ner=with_ner)
        if not entities:
            return []
        results = self._recognizers.analyze(
            unit.text,
            entities,
            nlp_artifacts or self._tokens_only(doc or self._nlp.make_doc(unit.text)),
            context=field_context(unit.field),
            deadline=self._deadline,
        )
        if with_ner:
            foreign = language not in (None, self.config.language) and not self.ner_models.has(language)
            results = language_filtered(results, unit.text, language, foreign)
            results = with_recalled_names(results, unit.text, language, nlp_artifacts, foreign)
        capitals = with_ner and language != self.config.language and self.ner_models.has(language)
        kept = prefer_named_ids(
            [r for r in results if plausible(r.entity_type, unit.text[r.start : r.end], language, capitals)]
        )
        if unit.field and CODE_COLUMN.search(unit.field):  # barcodes and order numbers pass checksums by chance
            kept = [r for r in kept if r.entity_type not in NUMERIC_IDENTIFIERS_IN_CODES]
        return [
            (r.entity_type, unit.offset + r.start, unit.offset + r.end, r.score, ENTITY, ())
            for r in drop_overlaps(kept)
        ]

    def _tokens_only(self, doc: Doc) -> NlpArtifacts:
        """What Presidio's context enhancement needs (tokens, lemmas) from the tokenizer alone: no model runs."""
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lower_ for t in doc],
            nlp_engine=self.analyzer.nlp_engine,
            language=self.config.language,
        )

    def _statements(self, unit: Unit, doc) -> list[DetectionTuple]:
        """Signals of special categories and rights in a turn or text; AI-disclosure markers in assistant turns."""
        found = self.signals.detect_ai_disclosure(doc) if unit.role == "assistant" else self.signals.detect(doc)
        return [
            (
                s.category,
                unit.offset + s.start,
                unit.offset + s.end,
                s.score,
                DetectionKind.SIGNAL if s.rule_id else DetectionKind.MARKER,
                (s.rule_id,) if s.rule_id else (),
            )
            for s in found
        ]
