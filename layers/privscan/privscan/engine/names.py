"""Personal data in names: column names, JSON keys and object key segments, scanned like values.

A name is short and has no sentence around it, and spaCy's small model rarely tags a lone surname
(``Müller``) as a person. So a name is read twice by the same detector: as it is (every pattern
recognizer, and NER), again without its file extension if it has one, and, without it, inside a
carrier sentence (``Ask Müller about it.``) for NER only. Underscores read as spaces. A NER hit made of
schema words only (``Email``, ``Customer``, ``Vorname``) is not a name: schemas stay readable.
"""

from __future__ import annotations

import re
import threading

from privscan.engine.detect import Detector, Unit
from privscan.engine.national_ids import header_evidence
from privscan.engine.prefilter import CAPITALISED, NER_ENTITIES
from privscan.engine.profile import COLUMN_HINTS
from privscan.engine.redact import NameHit, may_hold_personal_data, scannable
from privscan.vocabulary import DetectionKind

_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")  # one of at most two: .csv, .jsonl.gz
_CARRIER = ("Ask ", " about it.")
MEMO_LIMIT = 50_000
NOT_IN_NAMES = frozenset({"URL"})  # a name shaped like a host (README.md, report.io) is a file name
# Words of data schemas (EN, DE) that spaCy tags as names when they stand alone.
SCHEMA_WORDS = frozenset(
    (
        "email",
        "e-mail",
        "mail",
        "customer",
        "customers",
        "client",
        "clients",
        "user",
        "users",
        "name",
        "names",
        "data",
        "report",
        "reports",
        "export",
        "exports",
        "import",
        "invoice",
        "invoices",
        "order",
        "orders",
        "summary",
        "backup",
        "backups",
        "profile",
        "profiles",
        "contract",
        "contracts",
        "account",
        "accounts",
        "contact",
        "contacts",
        "address",
        "phone",
        "mobile",
        "id",
        "date",
        "time",
        "created",
        "updated",
        "status",
        "notes",
        "note",
        "comment",
        "comments",
        "message",
        "messages",
        "content",
        "role",
        "text",
        "title",
        "description",
        "type",
        "value",
        "amount",
        "total",
        "price",
        "country",
        "city",
        "street",
        "zip",
        "code",
        "kunde",
        "kunden",
        "kundendaten",
        "rechnung",
        "rechnungen",
        "vorname",
        "nachname",
        "anschrift",
        "telefon",
        "geburtsdatum",
        "datum",
        "betrag",
        "bestellung",
        "bestellungen",
        "vertrag",
        "konto",
        "nutzer",
        "benutzer",
        "personal",
        "employee",
        "employees",
        "staff",
        "patient",
        "patients",
    )
)


def schema_words(text: str) -> bool:
    """Whether every word of `text` is a word of data schemas (or a header naming names or places)."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return bool(words) and all(
        word in SCHEMA_WORDS or any(hint.fullmatch(word) for hint in COLUMN_HINTS.values()) for word in words
    )


def names_identifier(text: str) -> bool:
    """Whether `text` is an identifier's name in an EU language (``Personnummer``, ``asmens kodas``, ``BSN``)."""
    evidence = header_evidence(text)
    return evidence.identifier or bool(evidence.entities)


class NameScanner:
    """`scanner.names(name)`: the personal data in a name, remembered (bounded) across objects."""

    def __init__(self, detector: Detector):
        self.detector = detector
        self._lock = threading.Lock()  # the detector of this process, shared by scans in several threads
        self._memo: dict[str, list[NameHit]] = {}

    def __call__(self, name: str) -> list[NameHit]:
        if not may_hold_personal_data(name):
            return []
        hits = self._memo.get(name)
        if hits is None:
            with self._lock:
                hits = self._detect(name)
                if len(self._memo) >= MEMO_LIMIT:
                    self._memo.clear()
                self._memo[name] = hits
        return hits

    def _detect(self, name: str) -> list[NameHit]:
        """Every pattern and NER hit in the name, and in it without one or two extensions (``jane@x.org.csv``:
        the address); NER hits in the carrier sentence; none overlapping another; NER hits of schema words,
        and every NER hit in an identifier's name, dropped."""
        text = scannable(name).replace("_", " ")
        units, stem = [Unit(text, 0, None, None)], text
        for _ in range(2):
            extension = _EXTENSION.search(stem)
            if extension and extension.start():
                stem = stem[: extension.start()]
                units.append(Unit(stem, 0, None, None))
        if CAPITALISED.search(stem):
            units.append(Unit(_CARRIER[0] + stem.strip() + _CARRIER[1], 0, None, None))
        lead = len(_CARRIER[0]) - (len(stem) - len(stem.lstrip()))  # from the carrier's offsets to the name's
        hits: list[NameHit] = []
        for unit, found in zip(units, self.detector.run(units), strict=True):
            carried = unit.text.startswith(_CARRIER[0])
            for entity, start, end, score, kind, _ in found:
                start, end = (start - lead, end - lead) if carried else (start, end)
                wanted = (
                    kind == DetectionKind.ENTITY
                    and entity not in NOT_IN_NAMES
                    and (entity in NER_ENTITIES or not carried)
                )
                inside = 0 <= start < end <= len(text)
                if wanted and inside and all(end <= h.start or start >= h.end for h in hits):
                    hits.append(NameHit(entity, start, end, score))
        if names_identifier(stem):  # "Personnummer", "Cod numeric personal": a schema name, whatever NER says
            hits = [h for h in hits if h.entity_type not in NER_ENTITIES]
        kept = [h for h in hits if h.entity_type not in NER_ENTITIES or not schema_words(text[h.start : h.end])]
        return sorted(kept, key=lambda h: (h.start, h.end))
