"""Which member state's identifier a number is, wherever it stands.

Many national identifiers share a shape (eleven digits: the German Steuer-ID, the PESEL, the Estonian,
Lithuanian, Croatian, Greek and Belgian numbers) and a number can pass several countries' checks. A
recognizer alone therefore finds a number only near its own country's words, and may name the wrong
country. This module adds what a table tells about its values:

- `header_evidence`: a column name in any EU language (any script, with or without accents) that names
  an identifier: a generic name ("national id", "numer identyfikacyjny", "αριθμός ταυτότητας", kept in
  identifier_headers.yaml), or one country's identifier (a recognizer's own context word: PESEL, ЕГН);
- `candidates`: every recognizer whose pattern spans the whole value and whose validator accepts it, for
  the cells of such columns (each value of a mixed-country column is tried against every validator);
- `choose`: the candidate the evidence supports: the identifier the header names, then the record's own
  country (`record_countries`: a country or nationality column, a phone number's country code, an IBAN's
  country), then the countries of the header's language, then the strongest check. A number valid for
  several countries with no evidence for one is reported as the candidate of the strongest check, at
  `AMBIGUOUS_SCORE`, below the score of an identifier the evidence supports.

Identifiers whose validator checks the layout only (the German Steuernummer, the Maltese ID card) are
candidates only where the header names them, or where the value is written in the identifier's own
layout with its slashes (``181/815/08155``) in an identifier column.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import phonenumbers
import regex as re

from privscan.engine.recognizers import EU_RECOGNIZER_CLASSES
from privscan.engine.recognizers.stdnum_recognizer import StdnumRecognizer, placeholder_or_decimal
from privscan.engine.yamlio import load_yaml

NOT_NATIONAL_IDS = frozenset({"EU_VAT_NUMBER", "MRZ"})
ID_CLASSES: tuple[type[StdnumRecognizer], ...] = tuple(
    cls for cls in EU_RECOGNIZER_CLASSES if cls.ENTITY not in NOT_NATIONAL_IDS
)
NATIONAL_ID_ENTITIES = frozenset(cls.ENTITY for cls in ID_CLASSES)
ENTITY_COUNTRY = {cls.ENTITY: cls.COUNTRY_CODE for cls in ID_CLASSES}
NAMED_SCORE = 0.85  # a value the evidence ties to one identifier
AMBIGUOUS_SCORE = 0.6  # valid for several countries, none supported by evidence
MAX_ID_CHARS = 40  # a longer cell is not one identifier
_NON_WORD = re.compile(r"[\W_]+")
_COUNTRY_PREFIX = re.compile(r"^([A-Z]{2})[ \-]?(?=\d)")  # "HR 33392005961", "PT 501 964 843"


def fold(text: str) -> str:
    """Casefolded, accents stripped, runs of non-letters as one space: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", plain).strip()


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The identifier-header vocabulary (`engine/recognizers/identifier_headers.yaml`): words that name identifier and
    country columns in the EU languages."""
    text = resources.files("privscan.engine.recognizers").joinpath("identifier_headers.yaml").read_text("utf-8")
    return load_yaml(text)


@lru_cache(maxsize=1)
def _generic_phrases() -> dict[str, frozenset[str]]:
    """Folded generic phrase → the countries of its language(s)."""
    phrases: dict[str, set[str]] = {}
    for language in vocabulary()["languages"].values():
        for phrase in language["phrases"]:
            phrases.setdefault(fold(str(phrase)), set()).update(language["countries"])
    return {phrase: frozenset(countries) for phrase, countries in phrases.items()}


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words of the English generic names ("tax", "social", "number"): a context word made of these only
    ("social security", "national number") does not name one country's identifier."""
    return frozenset(word for phrase in vocabulary()["languages"]["en"]["phrases"] for word in fold(phrase).split())


@lru_cache(maxsize=1)
def _specific_words() -> dict[str, frozenset[str]]:
    """Folded context words that name one identifier (not only generic words) → the entities they name."""
    named: dict[str, set[str]] = {}
    for cls in ID_CLASSES:
        for word in cls.CONTEXT:
            folded = fold(word)
            if folded and not set(folded.split()) <= _generic_words():
                named.setdefault(folded, set()).add(cls.ENTITY)
    return {word: frozenset(entities) for word, entities in named.items()}


def _contains(header: str, phrase: str) -> bool:
    """`phrase` as whole words of `header`, or `header` written without separators is `phrase`."""
    return f" {phrase} " in f" {header} " or header.replace(" ", "") == phrase.replace(" ", "")


@dataclass(frozen=True)
class HeaderEvidence:
    """What a column's name says about its values: that they are identifiers, which ones, and which countries its
    language points to."""

    identifier: bool = False  # the name says the column holds identifiers
    entities: frozenset[str] = frozenset()  # identifiers the name names (PESEL → PL_PESEL)
    countries: frozenset[str] = frozenset()  # the countries of the name's language


NO_EVIDENCE = HeaderEvidence()


@lru_cache(maxsize=4096)
def header_evidence(field: str | None) -> HeaderEvidence:
    """What a column name (or the last part of a JSON path) says about identifiers in it."""
    if not field:
        return NO_EVIDENCE
    header = fold(field.rsplit(".", 1)[-1])
    if not header:
        return NO_EVIDENCE
    entities = frozenset().union(*(e for word, e in _specific_words().items() if _contains(header, word)))
    matched = [countries for phrase, countries in _generic_phrases().items() if _contains(header, phrase)]
    if not entities and not matched:
        return NO_EVIDENCE
    return HeaderEvidence(True, entities, frozenset().union(*matched) if matched else frozenset())


@dataclass(frozen=True)
class _Validator:
    cls: type[StdnumRecognizer]
    patterns: tuple  # compiled, for a whole-value match
    strength: float  # the best pattern score, a little less for a date-only check
    layout_only: bool


@lru_cache(maxsize=1)
def _validators() -> tuple[_Validator, ...]:
    return tuple(
        _Validator(
            cls,
            tuple(re.compile(regex, flags=cls.REGEX_FLAGS) for _, regex, _ in cls.PATTERNS),
            max(score for _, _, score in cls.PATTERNS) - (0.01 if cls.CHECK == "date" else 0.0),
            cls.CHECK == "layout",
        )
        for cls in ID_CLASSES
    )


def _accepts(cls: type[StdnumRecognizer], patterns: tuple, value: str) -> bool:
    if not any(pattern.fullmatch(value) for pattern in patterns):
        return False
    return not placeholder_or_decimal(value) and cls.is_valid_id(cls.normalize(value))


@dataclass(frozen=True)
class Candidate:
    """A value that one national-ID recognizer validates, with how strongly, before the record's evidence chooses among
    countries."""

    entity: str
    start: int
    end: int
    strength: float  # the recognizer's best pattern score, a little less for a date-only check
    layout_only: bool  # the validator checks the layout only ...
    written_layout: bool = False  # ... and the value is written in that layout with its separators (181/815/08155)


def candidates(text: str, only: frozenset[str] | None = None) -> list[Candidate]:
    """Every national identifier (of the entities `only`, if given) the whole stripped value is, with its
    span in `text`.

    A two-letter country prefix (``HR 33392005961``) is left out of the span when the number after it is
    that country's identifier.
    """
    value = text.strip()
    if not value or len(value) > MAX_ID_CHARS or not any(ch.isdigit() for ch in value):
        return []
    start = text.index(value)
    prefix = _COUNTRY_PREFIX.match(value)
    found = []
    for v in _validators():
        if only is not None and v.cls.ENTITY not in only:
            continue
        if _accepts(v.cls, v.patterns, value):
            written = v.layout_only and "/" in value
            found.append(Candidate(v.cls.ENTITY, start, start + len(value), v.strength, v.layout_only, written))
        elif (
            prefix
            and prefix.group(1).lower() == v.cls.COUNTRY_CODE
            and _accepts(v.cls, v.patterns, value[prefix.end() :])
        ):
            found.append(Candidate(v.cls.ENTITY, start + prefix.end(), start + len(value), v.strength, v.layout_only))
    return found


def identify(text: str, header: HeaderEvidence) -> list[tuple[Candidate, float]]:
    """`choose` over `candidates`, trying the validators the header points to first: every validator only
    when none of those accepts the value (the same answer, at a fraction of the cost in a PESEL column)."""
    for preferred in (header.entities, _entities_of(header.countries)):
        if preferred:
            chosen = choose(candidates(text, preferred), header)
            if chosen:
                return chosen
    return choose(candidates(text), header)


@lru_cache(maxsize=256)
def _entities_of(countries: frozenset[str]) -> frozenset[str]:
    return frozenset(entity for entity, country in ENTITY_COUNTRY.items() if country in countries)


def renaming_entities(countries: frozenset[str], reported: Iterable[str], field: str | None) -> frozenset[str]:
    """The identifiers a record's countries may rename a number reported as `reported` to: their own, and of those
    only the ones the column name names when it names a reported one ("rodné číslo" names the Czech and the Slovak
    birth number: the record's country chooses between them, never a third; under "pesel" none renames a PESEL)."""
    entities = _entities_of(countries)
    named = header_evidence(field).entities
    return entities & named if not named.isdisjoint(reported) else entities


def choose(
    found: list[Candidate], header: HeaderEvidence, countries: frozenset[str] = frozenset()
) -> list[tuple[Candidate, float]]:
    """The candidates the evidence supports, each with its score.

    Order of evidence: the identifier the header names; the record's countries; the countries of the
    header's language. With none of these, a number valid in one country is that country's at NAMED_SCORE,
    and a number valid in several is reported for each of them (the strongest check per country) at
    AMBIGUOUS_SCORE: the finding says which countries it may be, and guesses none.
    """
    usable = [c for c in found if not c.layout_only or c.entity in header.entities or c.written_layout]
    if not usable:
        return []
    for supported in (
        [c for c in usable if c.entity in header.entities],
        [c for c in usable if ENTITY_COUNTRY[c.entity] in countries],
        [c for c in usable if ENTITY_COUNTRY[c.entity] in header.countries],
    ):
        if supported:
            return [(_strongest(supported), NAMED_SCORE)]
    per_country: dict[str, list[Candidate]] = {}
    for candidate in usable:
        per_country.setdefault(ENTITY_COUNTRY[candidate.entity], []).append(candidate)
    if len(per_country) == 1:
        return [(_strongest(usable), NAMED_SCORE)]
    return [(_strongest(group), AMBIGUOUS_SCORE) for _, group in sorted(per_country.items())]


def _strongest(found: list[Candidate]) -> Candidate:
    return max(found, key=lambda c: (c.strength, c.end - c.start, c.entity))


# ------------------------------------------------------------------------------- a record's countries


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = {}
    for code, written in vocabulary()["countries"].items():
        names[code] = code
        for name in written:
            names[fold(str(name))] = code
    return names


@lru_cache(maxsize=1024)
def is_country_field(field: str | None) -> bool:
    """Whether a field's name says it holds a country or nationality."""
    if not field:
        return False
    header = fold(field.rsplit(".", 1)[-1])
    return any(_contains(header, fold(str(name))) for name in vocabulary()["country_fields"])


def country_of_name(text: str) -> str | None:
    """The ISO code of a country cell (``PL``, ``Poland``, ``Polska``), or None."""
    folded = fold(text)
    return _country_names().get(folded) if len(folded) <= 40 else None


def country_of_phone(value: str) -> str | None:
    """The country of an international phone number (``+48 ...`` → ``pl``), or None."""
    if not value.strip().startswith(("+", "00")):
        return None
    try:
        number = phonenumbers.parse(value.strip().replace("00", "+", 1) if value.strip()[0] == "0" else value, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region.lower() if region else None


def country_of_iban(value: str) -> str | None:
    """The country an IBAN names in its first two letters, lower case, or None."""
    code = value.strip()[:2]
    return code.lower() if code.isalpha() else None
