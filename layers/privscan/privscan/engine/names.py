"""Personal data in names: column names, JSON keys and object key segments, scanned like values.

A name is short and has no sentence around it, and spaCy's small model rarely tags a lone surname
(``Müller``) as a person. So a name is read twice by the same detector: as it is (every pattern
recognizer, and NER), and, without its file extension, inside a carrier sentence (``Ask Müller about
it.``) for NER only. Underscores read as spaces. A NER hit made of schema words only
(``Email``, ``Customer``, ``Vorname``) is not a name: schemas stay readable.
"""

from __future__ import annotations

import re
import threading

from privscan.engine.detect import Detector, Unit
from privscan.engine.prefilter import CAPITALISED, NER_ENTITIES
from privscan.engine.profile import COLUMN_HINTS
from privscan.engine.redact import NameHit, scannable

_EXTENSION = re.compile(r"(?:\.[A-Za-z][A-Za-z0-9]{0,4}){1,2}$")
_CARRIER = ("Ask ", " about it.")
_MAY_HOLD = re.compile(r"[^a-z_\-./ ]")  # lower-case ASCII words hold no pattern entity and no name spaCy tags
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


class NameScanner:
    """`scanner.names(name)`: the personal data in a name, remembered (bounded) across objects."""

    def __init__(self, detector: Detector):
        self.detector = detector
        self._lock = threading.Lock()  # the detector of this process, shared by scans in several threads
        self._memo: dict[str, list[NameHit]] = {}

    def __call__(self, name: str) -> list[NameHit]:
        if not _MAY_HOLD.search(name):
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
        text = scannable(name).replace("_", " ")
        units = [Unit(text, 0, None, None)]
        extension = _EXTENSION.search(text)
        stem = text[: extension.start()] if extension else text
        lead = len(_CARRIER[0]) - (len(stem) - len(stem.lstrip()))  # from the carrier's offsets to the name's
        if CAPITALISED.search(stem):
            units.append(Unit(_CARRIER[0] + stem.strip() + _CARRIER[1], 0, None, None))
        found = self.detector.run(units)
        hits = [
            NameHit(e, s, t, score)
            for e, s, t, score, kind, _ in found[0]
            if kind == "entity" and e not in NOT_IN_NAMES
        ]
        for entity, start, end, score, kind, _ in found[1] if len(found) > 1 else ():
            start, end = start - lead, end - lead
            inside = kind == "entity" and entity in NER_ENTITIES and 0 <= start < end <= len(stem)
            if inside and all(end <= h.start or start >= h.end for h in hits):
                hits.append(NameHit(entity, start, end, score))
        kept = [h for h in hits if h.entity_type not in NER_ENTITIES or not schema_words(text[h.start : h.end])]
        return sorted(kept, key=lambda h: (h.start, h.end))
