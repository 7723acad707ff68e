"""`privscan eval --suite ids`: national identifiers privscan never saw, taken from python-stdnum's documentation.

The numbers are the examples in the docstrings of python-stdnum's EU personal-identifier modules
(``>>> validate('...')`` followed by the value, or by a ``Traceback`` for a documented invalid number;
``is_valid`` examples; the arguments of ``get_birth_date`` and the like when the module accepts them).
They are extracted at run time from the installed library, so the suite follows the library's own
examples instead of a copy. Placeholder numbers of one repeated digit are left out.

Each valid number is planted

- ``native``: in a CSV column whose header is the identifier's name in the country's language and script;
- ``generic``: in CSV columns headed ``national_id`` and ``id_number``;
- ``mixed``: in one ``national_id`` column holding every country's numbers, with a ``country`` column beside it;
- ``sentence_native`` / ``sentence_en``: in a sentence in the country's language and in English.

Documented invalid numbers are planted the same ways; any national-identifier finding on one is a false positive.
Numbers are split into a ``dev`` and a ``reserved`` half by a hash of the number: tune on dev, report both.

Data source: python-stdnum (LGPL-2.1-or-later), used as a library; its documented example numbers serve
as test data. See evaluation/README.md.
"""

from __future__ import annotations

import csv
import doctest
import hashlib
import importlib
import io
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from privscan.engine.config import EngineConfig
from privscan.engine.masking import Fingerprinter
from privscan.engine.recognizers import EU_RECOGNIZER_CLASSES

SCENARIOS = ("native", "generic", "mixed", "sentence_native", "sentence_en")
HALVES = ("dev", "reserved")
TARGETS = {"recall": 0.99, "right_country": 0.98, "mixed_recall": 0.98, "invalid_findings": 0}
_CALL = re.compile(r"^(validate|is_valid|get_\w+|format)\('([^']+)'\)")  # the number alone: no office, no state
#: Entity type → ISO country, from the recognizers; entity types of several countries are not national ids.
ENTITY_COUNTRY = {cls.ENTITY: getattr(cls, "COUNTRY_CODE", None) for cls in EU_RECOGNIZER_CLASSES}
ENTITY_COUNTRY.pop("EU_VAT_NUMBER", None)


@dataclass(frozen=True)
class IdModule:
    """A python-stdnum module of personal identifiers, with the words a person of that country would use."""

    module: str  # stdnum module path, e.g. "de.idnr"
    country: str  # ISO 3166 alpha-2, lower case
    header: str  # column header in the country's language and script
    sentence: str  # a sentence in the country's language, "{}" for the number
    english: str  # the identifier's English name, for the English sentence
    personal: Callable[[str], bool] = lambda number: True  # keep personal numbers (some modules also cover firms)


def _digit_first(number: str) -> bool:
    return number[:1].isdigit()


def _es_person(number: str) -> bool:
    return number[:1].isdigit() or number[:1].upper() in "KLMXYZ"


def _lv_person(number: str) -> bool:
    return re.sub(r"\D", "", number)[:1] in "0123"


def _it_person(number: str) -> bool:
    return len(number) == 16


MODULES: tuple[IdModule, ...] = (
    IdModule(
        "at.vnr", "at", "Sozialversicherungsnummer", "Meine Sozialversicherungsnummer lautet {}.", "Austrian SVNR"
    ),
    IdModule("at.tin", "at", "Steuernummer", "Die Steuernummer beim Finanzamt ist {}.", "Austrian tax number"),
    IdModule(
        "be.nn", "be", "Rijksregisternummer", "Mijn rijksregisternummer is {}.", "Belgian national register number"
    ),
    IdModule("be.bis", "be", "Numéro BIS", "Mon numéro BIS est le {}.", "Belgian BIS number"),
    IdModule("bg.egn", "bg", "ЕГН", "Моят ЕГН е {}.", "Bulgarian EGN"),
    IdModule("cz.rc", "cz", "Rodné číslo", "Moje rodné číslo je {}.", "Czech birth number"),
    IdModule("de.idnr", "de", "Steuer-ID", "Meine Steuer-ID lautet {}.", "German tax ID"),
    IdModule("de.stnr", "de", "Steuernummer", "Die Steuernummer des Finanzamts lautet {}.", "German Steuernummer"),
    IdModule("dk.cpr", "dk", "CPR-nummer", "Mit CPR-nummer er {}.", "Danish CPR number"),
    IdModule("ee.ik", "ee", "Isikukood", "Minu isikukood on {}.", "Estonian personal code"),
    IdModule("es.dni", "es", "DNI", "Mi DNI es el {}.", "Spanish DNI"),
    IdModule("es.nie", "es", "NIE", "Mi NIE es el {}.", "Spanish NIE"),
    IdModule("es.nif", "es", "NIF", "Mi NIF es el {}.", "Spanish NIF", _es_person),
    IdModule("fi.hetu", "fi", "Henkilötunnus", "Henkilötunnukseni on {}.", "Finnish personal identity code"),
    IdModule("fr.nir", "fr", "Numéro de sécurité sociale", "Mon numéro de sécurité sociale est le {}.", "French NIR"),
    IdModule("gr.amka", "gr", "ΑΜΚΑ", "Ο ΑΜΚΑ μου είναι {}.", "Greek AMKA"),
    IdModule("hr.oib", "hr", "OIB", "Moj OIB je {}.", "Croatian OIB"),
    IdModule("ie.pps", "ie", "Uimhir PSP", "Is é m'uimhir PSP {}.", "Irish PPS number"),
    IdModule(
        "it.codicefiscale", "it", "Codice fiscale", "Il mio codice fiscale è {}.", "Italian fiscal code", _it_person
    ),
    IdModule("lt.asmens", "lt", "Asmens kodas", "Mano asmens kodas yra {}.", "Lithuanian personal code"),
    IdModule("lv.pvn", "lv", "Personas kods", "Mans personas kods ir {}.", "Latvian personal code", _lv_person),
    IdModule("nl.bsn", "nl", "Burgerservicenummer", "Mijn burgerservicenummer is {}.", "Dutch BSN"),
    IdModule("pl.pesel", "pl", "Numer PESEL", "Mój numer PESEL to {}.", "Polish PESEL"),
    IdModule("pt.nif", "pt", "Número de contribuinte", "O meu número de contribuinte é {}.", "Portuguese NIF"),
    IdModule("pt.cc", "pt", "Cartão de Cidadão", "O número do meu cartão de cidadão é {}.", "Portuguese citizen card"),
    IdModule("ro.cnp", "ro", "Cod numeric personal", "Codul meu numeric personal este {}.", "Romanian CNP"),
    IdModule("se.personnummer", "se", "Personnummer", "Mitt personnummer är {}.", "Swedish personal identity number"),
    IdModule("si.emso", "si", "EMŠO", "Moja EMŠO je {}.", "Slovenian EMSO"),
    IdModule("sk.rc", "sk", "Rodné číslo", "Moje rodné číslo je {}.", "Slovak birth number"),
)
#: Modules that check a number's layout only (no check digit): any number of that length passes them.
NO_CHECK = frozenset({"de.stnr"})
#: The Czech and Slovak birth numbers are one numbering, named alike in both languages ("rodné číslo"):
#: without a country beside it, reporting either country (or both) is right.
SHARED_NUMBERING = frozenset({"cz", "sk"})
#: How the mixed column's `country` cell names each country: ISO codes and English names, alternately.
COUNTRY_NAMES = {
    "at": "Austria",
    "be": "Belgium",
    "bg": "Bulgaria",
    "cz": "Czechia",
    "de": "Germany",
    "dk": "Denmark",
    "ee": "Estonia",
    "es": "Spain",
    "fi": "Finland",
    "fr": "France",
    "gr": "Greece",
    "hr": "Croatia",
    "ie": "Ireland",
    "it": "Italy",
    "lt": "Lithuania",
    "lv": "Latvia",
    "nl": "Netherlands",
    "pl": "Poland",
    "pt": "Portugal",
    "ro": "Romania",
    "se": "Sweden",
    "si": "Slovenia",
    "sk": "Slovakia",
}


@dataclass(frozen=True)
class Example:
    module: IdModule
    number: str  # as documented (with its separators)
    valid: bool

    @property
    def half(self) -> str:
        return "dev" if hashlib.sha256(self.number.encode()).digest()[0] % 2 == 0 else "reserved"


def placeholder(number: str) -> bool:
    """A number of one repeated digit before its check digit (``00000000 0 ZZ4``): documentation filler."""
    digits = re.sub(r"\D", "", number)
    return len(set(digits[:-1])) <= 1


def documented_examples(spec: IdModule) -> list[Example]:
    """The valid and invalid numbers in the module's docstring doctests.

    ``validate(x)`` answered by a value, ``is_valid(x)`` answered ``True``, and the argument of any other
    documented call (``get_birth_date``, ``format``) that the module accepts are valid; ``validate(x)``
    answered by a ``Traceback`` and ``is_valid(x)`` answered ``False`` are invalid.
    """
    module = importlib.import_module(f"stdnum.{spec.module}")
    found: dict[str, bool] = {}
    for example in doctest.DocTestParser().get_examples(module.__doc__ or ""):
        match = _CALL.match(example.source.strip())
        if match is None:
            continue
        call, number = match.groups()
        number = number.strip()
        if call in ("validate", "is_valid") and (
            example.want.startswith("Traceback") or example.want.strip() == "False"
        ):
            found[number] = False
        elif number not in found and module.is_valid(number):
            found[number] = True
    return [
        Example(spec, number, valid)
        for number, valid in found.items()
        if not placeholder(number) and (not valid or spec.personal(number))
    ]


def all_examples(modules: Iterable[IdModule] = MODULES) -> list[Example]:
    """Every module's examples; an invalid one that another module accepts is left out (it is some country's
    valid number; modules in NO_CHECK, which check the layout only, do not count), and so is a number
    documented twice for one country (``54362315K`` as DNI and NIF)."""
    modules = list(modules)
    validators = [importlib.import_module(f"stdnum.{spec.module}") for spec in modules if spec.module not in NO_CHECK]
    examples, seen = [], set()
    for spec in modules:
        for example in documented_examples(spec):
            key = (spec.country, re.sub(r"[\W_]", "", example.number).upper(), example.valid)
            if key in seen or not example.valid and any(v.is_valid(example.number) for v in validators):
                continue
            seen.add(key)
            examples.append(example)
    return examples


# ================================================================================ planting


@dataclass(frozen=True)
class Plant:
    """Where one example sits: (file, record, field, start, end)."""

    example: Example
    scenario: str
    file: str
    record: int
    field: str | None
    start: int
    end: int


@dataclass
class SuiteFiles:
    files: dict[str, str] = field(default_factory=dict)  # name → text
    plants: list[Plant] = field(default_factory=list)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _column_file(suite: SuiteFiles, name: str, scenario: str, header: str, examples: list[Example]) -> None:
    """A two-column table: a row number and the identifiers under `header`."""
    rows = [[str(index + 1), example.number] for index, example in enumerate(examples)]
    suite.files[name] = _csv(["row", header], rows)
    for index, example in enumerate(examples):
        suite.plants.append(Plant(example, scenario, name, index, header, 0, len(example.number)))


def _sentence_file(suite: SuiteFiles, name: str, scenario: str, lines: list[tuple[Example, str]]) -> None:
    texts = []
    for index, (example, template) in enumerate(lines):
        text = template.format(example.number)
        start = template.index("{}")
        texts.append(text)
        suite.plants.append(Plant(example, scenario, name, index, None, start, start + len(example.number)))
    suite.files[name] = "\n".join(texts) + "\n"


def plant(examples: list[Example]) -> SuiteFiles:
    """Every scenario's files, for valid and invalid examples alike."""
    suite = SuiteFiles()
    by_module: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_module[example.module.module].append(example)
    for module, group in by_module.items():
        _column_file(suite, f"native_{module}.csv", "native", group[0].module.header, group)
    for header in ("national_id", "id_number"):
        _column_file(suite, f"generic_{header}.csv", "generic", header, examples)
    rows = []
    for index, example in enumerate(examples):
        country = example.module.country
        named = COUNTRY_NAMES.get(country, country.upper()) if index % 2 else country.upper()
        rows.append([f"C-{10000 + index}", named, example.number])
        suite.plants.append(Plant(example, "mixed", "mixed.csv", index, "national_id", 0, len(example.number)))
    suite.files["mixed.csv"] = _csv(["customer_ref", "country", "national_id"], rows)
    _sentence_file(suite, "sentences_native.txt", "sentence_native", [(e, e.module.sentence) for e in examples])
    english = [(e, f"For the record, my {e.module.english} is {{}} and my address has not changed.") for e in examples]
    _sentence_file(suite, "sentences_en.txt", "sentence_en", english)
    return suite


# ================================================================================ scanning and scoring


def scan_suite(suite: SuiteFiles) -> dict[tuple[str, int, str | None], list[tuple[int, int, str]]]:
    """privscan's findings as (file, record, field) → [(start, end, entity type)], through `scan_stream`."""
    from privscan.engine import get_scanner
    from privscan.pipeline import scan_stream

    scanner = get_scanner(EngineConfig(max_occurrences=10**9))
    fingerprinter = Fingerprinter(b"privscan-eval-fingerprint-key")
    found: dict[tuple[str, int, str | None], list[tuple[int, int, str]]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="privscan-ids-") as tmp:
        for name, text in suite.files.items():
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            findings = []
            with path.open("rb") as stream:
                scan_stream(name, stream, scanner=scanner, fingerprinter=fingerprinter, sink=findings.append)
            for finding in findings:
                if finding.entity_type is None:
                    continue
                places = (
                    [(o.record, o.start, o.end) for o in finding.occurrences]
                    if finding.column_level
                    else [(finding.record, finding.start, finding.end)]
                )
                for record, start, end in places:
                    if start is not None:
                        found[(name, record, finding.field)].append((start, end, finding.entity_type))
    close = getattr(scanner, "close", None)
    if callable(close):
        close()
    return found


@dataclass
class Tally:
    planted: int = 0
    found: int = 0
    right_country: int = 0
    invalid_planted: int = 0
    invalid_findings: int = 0
    misses: list[str] = field(default_factory=list)  # "module scenario → reported types" (no value)

    def add(self, other: Tally) -> None:
        self.planted += other.planted
        self.found += other.found
        self.right_country += other.right_country
        self.invalid_planted += other.invalid_planted
        self.invalid_findings += other.invalid_findings
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def country_rate(self) -> float:
        return self.right_country / self.found if self.found else 1.0


def score(suite: SuiteFiles, found) -> dict[tuple[str, str, str], Tally]:
    """Tallies keyed by (half, scenario, country)."""
    tallies: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for p in suite.plants:
        tally = tallies[(p.example.half, p.scenario, p.example.module.country)]
        types = {t for s, e, t in found.get((p.file, p.record, p.field), ()) if s < p.end and e > p.start}
        ids = {t for t in types if t in ENTITY_COUNTRY}
        if not p.example.valid:
            tally.invalid_planted += 1
            tally.invalid_findings += bool(ids)
            if ids:
                tally.misses.append(f"INVALID {p.example.module.module} {p.scenario} → {','.join(sorted(ids))}")
            continue
        tally.planted += 1
        if ids:
            tally.found += 1
            right = right_country(p, {ENTITY_COUNTRY[t] for t in ids})
            tally.right_country += right
            if not right:
                tally.misses.append(f"COUNTRY {p.example.module.module} {p.scenario} → {','.join(sorted(ids))}")
        else:
            tally.misses.append(f"MISSED {p.example.module.module} {p.scenario} → {','.join(sorted(types)) or '-'}")
    return tallies


def right_country(p: Plant, countries: set[str]) -> bool:
    """The reported countries are the planted one, except where nothing tells the country:

    - a Czech or Slovak birth number with no country column: either country, or both;
    - under a generic header (``national_id``), a number valid in several countries: reported for the
      planted country and only for countries where python-stdnum accepts it too.
    """
    expected = p.example.module.country
    if expected in SHARED_NUMBERING and p.scenario != "mixed":
        return bool(countries) and countries <= SHARED_NUMBERING
    if p.scenario == "generic":
        return expected in countries and countries <= valid_countries(p.example.number) | {expected}
    return countries == {expected}


@cache
def valid_countries(number: str) -> frozenset[str]:
    """The countries of the suite's modules (those with a check) that accept `number`."""
    return frozenset(
        spec.country
        for spec in MODULES
        if spec.module not in NO_CHECK and importlib.import_module(f"stdnum.{spec.module}").is_valid(number)
    )


def summarise(tallies, key: Callable[[tuple[str, str, str]], str | None]) -> dict[str, Tally]:
    out: dict[str, Tally] = defaultdict(Tally)
    for k, tally in tallies.items():
        group = key(k)
        if group is not None:
            out[group].add(tally)
    return dict(sorted(out.items()))


def _row(name: str, tally: Tally) -> str:
    return (
        f"  {name:<18} recall {tally.recall:6.1%} ({tally.found}/{tally.planted})  right country "
        f"{tally.country_rate:6.1%}  invalid findings {tally.invalid_findings}/{tally.invalid_planted}"
    )


def render(tallies, misses: int = 20) -> str:
    lines = ["national identifiers from python-stdnum's documentation (python-stdnum, LGPL-2.1+)", ""]
    for half in HALVES:
        lines.append(f"[{half}]")
        overall = summarise(tallies, lambda k, h=half: "overall" if k[0] == h else None)
        by_scenario = summarise(tallies, lambda k, h=half: k[1] if k[0] == h else None)
        for name, tally in {**overall, **by_scenario}.items():
            lines.append(_row(name, tally))
        lines.append("  per country:")
        for name, tally in summarise(tallies, lambda k, h=half: k[2] if k[0] == h else None).items():
            lines.append(_row(name, tally))
        shown = [m for k, t in sorted(tallies.items()) if k[0] == half for m in t.misses]
        if shown and misses:
            lines.append(f"  errors ({len(shown)}):")
            lines += [f"    {m}" for m in shown[:misses]]
        lines.append("")
    lines.append(
        f"targets: recall ≥ {TARGETS['recall']}, right country ≥ {TARGETS['right_country']}, "
        f"mixed column recall ≥ {TARGETS['mixed_recall']}, invalid findings = {TARGETS['invalid_findings']}"
    )
    return "\n".join(lines) + "\n"


def to_dict(tallies) -> dict:
    out = {}
    for half in HALVES:
        groups = summarise(tallies, lambda k, h=half: f"{k[1]}/{k[2]}" if k[0] == h else None)
        groups |= summarise(tallies, lambda k, h=half: k[1] if k[0] == h else None)
        groups |= summarise(tallies, lambda k, h=half: "overall" if k[0] == h else None)
        out[half] = {
            name: {
                "planted": t.planted,
                "found": t.found,
                "recall": round(t.recall, 4),
                "right_country": round(t.country_rate, 4),
                "invalid_planted": t.invalid_planted,
                "invalid_findings": t.invalid_findings,
            }
            for name, t in groups.items()
        }
    return out


def evaluate() -> tuple[SuiteFiles, dict]:
    suite = plant(all_examples())
    return suite, score(suite, scan_suite(suite))
