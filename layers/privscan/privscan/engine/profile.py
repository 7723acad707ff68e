"""Column profiles: decide from a sample how each tabular column is scanned and reported.

The first `column_sample` non-empty cells of a column get the full analysis
(spaCy + every recognizer), or only the first `column_early_sample` when those
leave no doubt (`ColumnProfile.unanimous`). The profile then decides:

- ``free_text``: prose (notes, comments): every cell keeps the full analysis;
- ``typed``: one entity per cell (an e-mail column): later cells are confirmed with
  that entity's own recognizer, or, for names and places, taken as they are;
  the findings are folded into one column-level finding;
- ``mixed``: some values hold identifiers: later cells get the pattern recognizers
  (no NER, unless the sample showed names);
- ``quiet``: nothing personal in the sample: later cells whose shape the sample
  already showed (``C-10016`` → ``A-9{5}``) are skipped; a new shape is checked.
  A column whose sample held decimal numbers only (a feature table's floats, whose
  digit counts vary from value to value) skips every later decimal number too: no
  recognizer reads one as an identifier (cards and national identifiers refuse them).

A column whose name says it holds identifiers has every sample value tried against every
national-identifier validator; later values only when most sample values were identifiers
(`ColumnProfile.holds_identifiers`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from privscan.engine.config import EngineConfig
from privscan.engine.national_ids import NATIONAL_ID_ENTITIES
from privscan.engine.prefilter import NER_ENTITIES
from privscan.readers.base import Cell
from privscan.vocabulary import DetectionKind, ProfileMode

MAX_SHAPES = 64  # a column with more distinct shapes is not regular enough to skip by shape
QUIET_EARLY_SHAPES = 3  # a column decided quiet on the early sample has at most this many shapes
HINTED_RATIO = 0.3  # a column whose name says what it holds is typed on weaker NER support ...
SHAPED_RATIO = 0.8  # ... or when most of its values are shaped like what the name says
HINTED_SCORE = 0.6  # the score of a column typed by its name and shape alone
# An identifier column whose sample values are national identifiers less often than this holds something
# else (a firm's own customer numbers under "id_number"): its later values are not tried against every
# national-identifier validator, which random numbers often pass by chance.
IDENTIFIER_RATIO = 0.5
# Column names that say a column holds names or places (EN, DE, FR, ES, IT, NL). spaCy's small model
# recognises about half of all European city names on their own; the header settles it.
COLUMN_HINTS = {
    "PERSON": re.compile(
        r"(?i)(^|_)(name|full_?name|first_?name|last_?name|surname|given_?name|family_?name|customer_?name|"
        r"patient_?name|contact_?name|vorname|nachname|nom|prenom|prénom|nombre|apellidos?|nome|cognome|"
        r"achternaam|voornaam|imie|imię|nazwisko|jmeno|jméno|prijmeni|příjmení|namn|navn|nimi|nimetus|vardas|"
        r"pavarde|pavardė|vards|vārds|uzvards|uzvārds|ime|prezime|nev|név|nume|prenume|onoma|ονομα|όνομα|име)($|_)"
    ),
    "LOCATION": re.compile(
        r"(?i)(^|_)(city|town|place|location|address|street|region|country|ort|stadt|wohnort|strasse|straße|"
        r"adresse|ville|rue|lieu|ciudad|localidad|calle|direcci[oó]n|citt[aà]|via|indirizzo|plaats|woonplaats|"
        r"straat|miasto|ulica|mesto|město|obec|ulice|stad|gata|gade|by|kaupunki|katu|linn|tanav|miestas|gatve|"
        r"gatvė|pilseta|pilsēta|iela|grad|varos|város|utca|oras|oraș|strada|cidade|rua|morada|poli|πολη|πόλη|"
        r"град|улица)($|_)"
    ),
}
_RUNS = re.compile(r"(\d+)|([^\W\d_]+)|(\s+)")
_DECIMAL = re.compile(r"[+-]?\d+\.\d+(?:[eE][+-]?\d+)?")  # as a float is written: 0.125, -1.5e-05
_HOUSE_NUMBER = re.compile(r"\b\d{1,5}(?:\s?[a-zA-Z]|[-/]\d{1,4})?\b")


def looks_like(entity: str, value: str) -> bool:
    """A value shaped like a name (or a place, or a street with its number): what a hinted column holds."""
    value = value.strip()
    words = value.split()
    if not value or len(words) > 12 or not value[0].isalpha() and not value[0].isdigit():
        return False
    if not any(ch.isdigit() for ch in value) and len(words) > 6:
        return False
    if not any(ch.isdigit() for ch in value):
        return any(w[0].isupper() for w in words if w[0].isalpha())
    return entity == "LOCATION" and bool(_HOUSE_NUMBER.search(value)) and sum(ch.isalpha() for ch in value) >= 3


def shape(value: str) -> str:
    """Digit runs keep their length, letter runs and spaces collapse: ``C-10016`` → ``a-9{5}``."""

    def run(match: re.Match) -> str:
        digits, letters, _ = match.groups()
        if digits:
            return f"9{{{len(digits)}}}"
        return "a" if letters else " "

    return _RUNS.sub(run, value.strip())


def is_prose(text: str) -> bool:
    return len(text.split()) >= 4


def value_span(text: str) -> tuple[int, int]:
    """Where the value is once surrounding white space is left out: (start, end) offsets in `text`."""
    start = len(text) - len(text.lstrip())
    return start, start + len(text.strip())


def covers_value(start: int, end: int, text: str) -> bool:
    value_start, value_end = value_span(text)
    return start <= value_start and end >= value_end


def whole_cell_entity(cell: Cell, detections) -> object | None:
    """The entity detection that covers the whole (stripped) value, if any."""
    if not cell.text.strip():
        return None
    for detection in detections:
        if detection.kind == DetectionKind.ENTITY and covers_value(detection.start, detection.end, cell.text):
            return detection
    return None


def same_kind(entity: str, column_type: str) -> bool:
    """spaCy confuses names and places on short values; in a NER-typed column the column's type wins."""
    return entity == column_type or (entity in NER_ENTITIES and column_type in NER_ENTITIES)


@dataclass(slots=True)
class ColumnProfile:
    seen: int = 0
    prose: int = 0
    whole: dict[str, int] = field(default_factory=dict)
    best_score: dict[str, float] = field(default_factory=dict)
    any_detection: bool = False
    ner_detection: bool = False
    shapes: set[str] = field(default_factory=set)
    shaped_like: dict[str, int] = field(default_factory=dict)  # values shaped like a name / a place
    decimals: int = 0  # sample values that are decimal numbers
    mode: ProfileMode | None = None  # None until decided
    typed_as: str | None = None

    @property
    def decided(self) -> bool:
        return self.mode is not None

    def observe(self, cell: Cell, detections: list) -> None:
        entities = [d for d in detections if d.kind == DetectionKind.ENTITY]
        whole = whole_cell_entity(cell, entities)
        self.seen += 1
        self.prose += whole is None and is_prose(cell.text)  # "DE68 3186 0913 …" is six words, but one IBAN
        self.decimals += bool(_DECIMAL.fullmatch(cell.text.strip()))
        if len(self.shapes) <= MAX_SHAPES:
            self.shapes.add(shape(cell.text))
        for entity in COLUMN_HINTS:
            self.shaped_like[entity] = self.shaped_like.get(entity, 0) + looks_like(entity, cell.text)
        self.any_detection |= bool(entities)
        self.ner_detection |= any(d.entity_type in NER_ENTITIES for d in entities)
        if whole is not None:
            self.whole[whole.entity_type] = self.whole.get(whole.entity_type, 0) + 1
            self.best_score[whole.entity_type] = max(self.best_score.get(whole.entity_type, 0.0), whole.score)

    def decide(self, config: EngineConfig, name: str = "") -> None:
        ner_hits = sum(n for other, n in self.whole.items() if other in NER_ENTITIES)
        for entity, hint in COLUMN_HINTS.items():
            if not hint.search(name):
                continue
            # the header says names / places: enough if spaCy agrees now and then, or the values look the part
            if ner_hits >= HINTED_RATIO * self.seen or self.shaped_like.get(entity, 0) >= SHAPED_RATIO * self.seen:
                self.mode, self.typed_as = ProfileMode.TYPED, entity
                scores = [self.best_score[e] for e in self.whole if e in NER_ENTITIES]
                self.best_score[entity] = max(scores, default=HINTED_SCORE)
                return
        if self.seen and self.prose >= 0.3 * self.seen:
            self.mode = ProfileMode.FREE_TEXT
            return
        if self.whole:
            entity = max(self.whole, key=lambda e: (self.whole[e], e))
            hits = sum(n for other, n in self.whole.items() if same_kind(other, entity))
            if hits >= config.column_type_ratio * self.seen:
                self.mode, self.typed_as = ProfileMode.TYPED, entity
                return
        if self.any_detection:
            self.mode = ProfileMode.FREE_TEXT if self.ner_detection else ProfileMode.MIXED
        else:
            self.mode = ProfileMode.QUIET

    def unanimous(self, name: str) -> bool:
        """The sample so far leaves no doubt: every value is one entity, or shaped as the header says,
        or nothing was found in a handful of shapes. Then the column is decided without more sampling."""
        if any(n == self.seen for n in self.whole.values()):
            return True
        if any(
            hint.search(name) and self.shaped_like.get(entity) == self.seen for entity, hint in COLUMN_HINTS.items()
        ):
            return True
        return not self.any_detection and (len(self.shapes) <= QUIET_EARLY_SHAPES or self.decimal_column)

    @property
    def holds_identifiers(self) -> bool:
        """The sample's values are mostly national identifiers (engine/national_ids.py), or there is no sample."""
        ids = sum(n for entity, n in self.whole.items() if entity in NATIONAL_ID_ENTITIES)
        return self.seen == 0 or ids >= IDENTIFIER_RATIO * self.seen

    @property
    def decimal_column(self) -> bool:
        """Every sample value so far is a decimal number."""
        return 0 < self.seen == self.decimals

    def known_shape(self, text: str) -> bool:
        if self.decimal_column and _DECIMAL.fullmatch(text.strip()):
            return True
        return len(self.shapes) <= MAX_SHAPES and shape(text) in self.shapes

    def to_dict(self) -> dict:
        return {**asdict(self), "shapes": sorted(self.shapes)}

    @classmethod
    def from_dict(cls, data: dict) -> ColumnProfile:
        return cls(**{**data, "shapes": set(data["shapes"])})


class ColumnProfiler:
    """Profiles of every column of one tabular object."""

    def __init__(self, config: EngineConfig):
        self.config = config
        self.columns: dict[str, ColumnProfile] = {}

    def profile(self, field_name: str) -> ColumnProfile:
        profile = self.columns.get(field_name)  # called several times per cell: no throw-away default
        if profile is None:
            profile = self.columns[field_name] = ColumnProfile()
        return profile

    def sampling(self, cell: Cell, offset: int = 0) -> bool:
        """Whether the piece of `cell` at `offset` belongs to its column's sample (full analysis, observed)."""
        return not self.profile(cell.field).decided

    def observe(self, cell: Cell, detections: list) -> None:
        profile = self.profile(cell.field)
        if profile.decided:
            return
        profile.observe(cell, detections)
        early = profile.seen == self.early_sample and profile.unanimous(cell.field)
        if early or profile.seen >= self.config.column_sample:
            profile.decide(self.config, cell.field)

    @property
    def early_sample(self) -> int:
        return min(self.config.column_early_sample, self.config.column_sample)

    def sample_cap(self, profile: ColumnProfile) -> int:
        """How many of a column's cells may be out for detection before its profile must be consulted."""
        return self.early_sample if profile.seen < self.early_sample else self.config.column_sample

    def finish(self) -> None:
        for name, profile in self.columns.items():
            if not profile.decided:
                profile.decide(self.config, name)


class DecidedProfiler(ColumnProfiler):
    """Profiles decided beforehand, from the samples of the whole object (a chunked scan).

    `sample_ends[column]` is the (record, piece offset) of the column's last sample piece: pieces up
    to it take the full analysis, as in a single pass; later ones the decided route. So every chunk
    routes, folds and reports each cell exactly as one pass over the whole object would.
    """

    def __init__(
        self, config: EngineConfig, profiles: dict[str, ColumnProfile], sample_ends: dict[str, tuple[int, int]]
    ):
        super().__init__(config)
        self.columns = dict(profiles)
        self.sample_ends = {name: tuple(end) for name, end in sample_ends.items()}

    def sampling(self, cell: Cell, offset: int = 0) -> bool:
        end = self.sample_ends.get(cell.field)
        return super().sampling(cell, offset) if end is None else (cell.record, offset) <= end
