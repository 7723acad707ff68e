"""The labelled evaluation corpus: deterministic by seed, synthetic only, EU-wide.

    corpus = generate(Path("corpus"), seed=7, size=1.0)
    corpus.files[0].entities[0]   # GoldEntity(file, record, field, start, end, entity_type, ...)

Layout written under the output directory::

    manifest.json                 seed, size, generator version, one entry per data file
    data/customers_de.csv ...     the files to scan (CSV per country, clinic CSV, chat JSONL, text notes,
                                  one decoy-only CSV)
    gold/<file>.records.jsonl     per record, the template acts it was built from (error analysis only)
    gold/<file>.jsonl             one gold label per line:
        {"file", "record", "field", "start", "end", "entity_type"[, "tag"]}       an entity span
        {"file", "record", "rule_id"[, "optional": true][, "tag"]}             a rule that must fire

Offsets are character offsets inside the cell value the privscan readers yield: a CSV cell, a chat
turn's ``messages[i].content``, a text line (field null). Records are 0-based data rows / JSONL
lines / text lines, as in privscan findings. Rule labels are per record (``record`` null for
schema-level rules); ``optional`` rules may fire without counting as false positives.

Rule labels follow catalogue.yaml semantics: entity-triggered rules are derived from the gold
entities (national IDs → GDPR-ART87-NATIONAL-ID, contact / financial / network identifiers and
whole-cell names → GDPR-ART5-1-C-DIRECT-IDENTIFIERS, names inside text →
GDPR-ART5-1-C-PERSON-NAMES-IN-FREE-TEXT), statements carry their rule in the template, the consent
and age columns and the chat-level AI Act rules are decided by the generator.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

from privscan_tools.evaluation import ids
from privscan_tools.evaluation.templates import (
    ASSISTANT,
    BRANDS,
    ID_NAMES,
    ID_PHRASES,
    NOTES,
    PLACEHOLDER_TYPES,
    SYSTEM_PROMPTS,
    USER,
    T,
    key_of,
)

GENERATOR_VERSION = "privscan-eval-corpus/1"

COLOURS = ("BLK", "WHT", "RED", "NAV")
SIZES = ("S", "M", "L", "XL")

NATIONAL_ID_RULE = "GDPR-ART87-NATIONAL-ID"
DIRECT_IDENTIFIERS_RULE = "GDPR-ART5-1-C-DIRECT-IDENTIFIERS"
NAMES_IN_TEXT_RULE = "GDPR-ART5-1-C-PERSON-NAMES-IN-FREE-TEXT"
SECRETS_RULE = "GDPR-ART32-SECRETS-CREDENTIALS"
CONSENT_RULE = "GDPR-ART7-CONSENT-MISSING"
CHILD_RULE = "GDPR-ART8-CHILD-DATA"
COLUMN_RULE = "GDPR-ART9-SPECIAL-CATEGORY-COLUMN"
HEALTH_RULE = "GDPR-ART9-HEALTH"
RELIGION_RULE = "GDPR-ART9-RELIGION"
NO_DISCLOSURE_RULE = "AIACT-ART50-1-NO-AI-DISCLOSURE"
HUMAN_CLAIM_RULE = "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"

DIRECT_IDENTIFIER_TYPES = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS"})

# ================================================================================= data model


@dataclass(frozen=True)
class GoldEntity:
    file: str
    record: int
    field: str | None
    start: int
    end: int
    entity_type: str
    tag: str = ""
    value: str = field(default="", compare=False, repr=False)  # in memory only; never written

    def to_json(self) -> dict:
        data = {
            "file": self.file,
            "record": self.record,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "entity_type": self.entity_type,
        }
        if self.tag:
            data["tag"] = self.tag
        return data


@dataclass(frozen=True)
class GoldRule:
    file: str
    record: int | None
    rule_id: str
    optional: bool = False
    tag: str = ""

    def to_json(self) -> dict:
        data: dict = {"file": self.file, "record": self.record, "rule_id": self.rule_id}
        if self.optional:
            data["optional"] = True
        if self.tag:
            data["tag"] = self.tag
        return data


@dataclass
class CorpusFile:
    name: str
    kind: str  # tabular | chat | text | decoy
    records: int = 0
    entities: list[GoldEntity] = field(default_factory=list)
    rules: list[GoldRule] = field(default_factory=list)
    acts: dict[int, list[str]] = field(default_factory=dict)  # record -> template acts (for error analysis)

    @property
    def decoy(self) -> bool:
        return self.kind == "decoy"


@dataclass
class Corpus:
    root: Path
    seed: int
    size: float
    files: list[CorpusFile]

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def path(self, name: str) -> Path:
        return self.data_dir / name

    @property
    def entities(self) -> list[GoldEntity]:
        return [e for f in self.files for e in f.entities]

    @property
    def rules(self) -> list[GoldRule]:
        return [r for f in self.files for r in f.rules]

    @property
    def records(self) -> int:
        return sum(f.records for f in self.files)


# ============================================================================= countries


@dataclass(frozen=True)
class Country:
    code: str
    locale: str
    lang: str  # language of chats / notes (falls back to English where templates are missing)
    id_types: tuple[tuple[str, float], ...]
    id_column: str  # a telling header, as such columns are named in practice
    cities: tuple[str, ...]
    local_headers: bool = False  # column names in the local language
    street: bool = True
    card: bool = False
    ip: bool = False
    birth: bool = False
    consent_values: tuple[str, str] = ("yes", "no")

    @property
    def region(self) -> str:
        return self.code.upper()


COUNTRIES: tuple[Country, ...] = (
    Country(
        "de",
        "de_DE",
        "de",
        (("DE_TAX_ID", 1.0),),
        "steuer_id",
        (
            "Berlin",
            "Hamburg",
            "München",
            "Köln",
            "Frankfurt am Main",
            "Stuttgart",
            "Düsseldorf",
            "Leipzig",
            "Dresden",
            "Hannover",
            "Nürnberg",
            "Bremen",
            "Freiburg",
            "Mainz",
        ),
        local_headers=True,
        card=True,
        birth=True,
        consent_values=("ja", "nein"),
    ),
    Country(
        "at",
        "de_AT",
        "de",
        (("AT_SVNR", 1.0),),
        "svnr",
        ("Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Villach", "Wels", "St. Pölten"),
    ),
    Country(
        "fr",
        "fr_FR",
        "fr",
        (("FR_NIR", 1.0),),
        "nir",
        (
            "Paris",
            "Lyon",
            "Marseille",
            "Toulouse",
            "Nice",
            "Nantes",
            "Strasbourg",
            "Montpellier",
            "Bordeaux",
            "Lille",
            "Rennes",
            "Reims",
            "Grenoble",
            "Dijon",
        ),
        local_headers=True,
        ip=True,
        consent_values=("oui", "non"),
    ),
    Country(
        "be",
        "nl_BE",
        "fr",
        (("BE_NATIONAL_NUMBER", 1.0),),
        "rijksregisternummer",
        ("Brussel", "Antwerpen", "Gent", "Charleroi", "Liège", "Brugge", "Namur", "Leuven", "Mechelen"),
        card=True,
    ),
    Country(
        "nl",
        "nl_NL",
        "nl",
        (("NL_BSN", 1.0),),
        "bsn",
        (
            "Amsterdam",
            "Rotterdam",
            "Den Haag",
            "Utrecht",
            "Eindhoven",
            "Groningen",
            "Tilburg",
            "Almere",
            "Breda",
            "Nijmegen",
            "Haarlem",
            "Arnhem",
            "Zwolle",
            "Maastricht",
        ),
        local_headers=True,
        ip=True,
        birth=True,
        consent_values=("ja", "nee"),
    ),
    Country(
        "it",
        "it_IT",
        "it",
        (("IT_FISCAL_CODE", 1.0),),
        "codice_fiscale",
        (
            "Roma",
            "Milano",
            "Napoli",
            "Torino",
            "Palermo",
            "Genova",
            "Bologna",
            "Firenze",
            "Bari",
            "Catania",
            "Venezia",
            "Verona",
            "Padova",
            "Trieste",
        ),
        local_headers=True,
        card=True,
        consent_values=("sì", "no"),
    ),
    Country(
        "es",
        "es_ES",
        "es",
        (("ES_NIF", 0.7), ("ES_NIE", 0.3)),
        "dni",
        (
            "Madrid",
            "Barcelona",
            "Valencia",
            "Sevilla",
            "Zaragoza",
            "Málaga",
            "Murcia",
            "Palma",
            "Bilbao",
            "Alicante",
            "Córdoba",
            "Valladolid",
            "Vigo",
            "Granada",
        ),
        local_headers=True,
        ip=True,
        birth=True,
        consent_values=("sí", "no"),
    ),
    Country(
        "pt",
        "pt_PT",
        "pt",
        (("PT_NIF", 1.0),),
        "nif",
        ("Lisboa", "Porto", "Braga", "Coimbra", "Funchal", "Aveiro", "Faro", "Setúbal", "Évora"),
    ),
    Country(
        "pl",
        "pl_PL",
        "pl",
        (("PL_PESEL", 1.0),),
        "pesel",
        ("Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Szczecin", "Lublin", "Katowice", "Białystok"),
        local_headers=True,
        card=True,
        consent_values=("tak", "nie"),
    ),
    Country(
        "ie",
        "en_IE",
        "en",
        (("IE_PPSN", 1.0),),
        "ppsn",
        ("Dublin", "Cork", "Limerick", "Galway", "Waterford", "Kilkenny", "Sligo", "Athlone", "Drogheda"),
        ip=True,
        birth=True,
    ),
    Country(
        "se",
        "sv_SE",
        "sv",
        (("SE_PERSONNUMMER", 1.0),),
        "personnummer",
        ("Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Umeå", "Lund"),
    ),
    Country(
        "dk",
        "da_DK",
        "en",
        (("DK_CPR", 1.0),),
        "cpr",
        ("København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Horsens", "Vejle"),
        card=True,
    ),
    Country(
        "fi",
        "fi_FI",
        "en",
        (("FI_PERSONAL_IDENTITY_CODE", 1.0),),
        "henkilotunnus",
        ("Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku", "Jyväskylä", "Lahti", "Kuopio"),
    ),
    Country(
        "cz",
        "cs_CZ",
        "en",
        (("CZ_BIRTH_NUMBER", 1.0),),
        "rodne_cislo",
        ("Praha", "Brno", "Ostrava", "Plzeň", "Liberec", "Olomouc", "České Budějovice", "Hradec Králové"),
        ip=True,
    ),
    Country(
        "sk",
        "sk_SK",
        "en",
        (("SK_BIRTH_NUMBER", 1.0),),
        "rodne_cislo",
        ("Bratislava", "Košice", "Prešov", "Žilina", "Nitra", "Banská Bystrica", "Trnava", "Martin"),
    ),
    Country(
        "ro",
        "ro_RO",
        "en",
        (("RO_CNP", 1.0),),
        "cnp",
        ("București", "Cluj-Napoca", "Timișoara", "Iași", "Constanța", "Craiova", "Brașov", "Galați"),
        card=True,
        birth=True,
    ),
    Country(
        "hr",
        "hr_HR",
        "en",
        (("HR_OIB", 1.0),),
        "oib",
        ("Zagreb", "Split", "Rijeka", "Osijek", "Zadar", "Pula", "Slavonski Brod", "Karlovac"),
    ),
    Country(
        "bg",
        "bg_BG",
        "en",
        (("BG_EGN", 1.0),),
        "egn",
        ("София", "Пловдив", "Варна", "Бургас", "Русе", "Sofia", "Plovdiv", "Varna"),
        street=False,
    ),
    Country(
        "ee",
        "et_EE",
        "en",
        (("EE_ISIKUKOOD", 1.0),),
        "isikukood",
        ("Tallinn", "Tartu", "Narva", "Pärnu", "Kohtla-Järve", "Viljandi", "Rakvere"),
        street=False,
        ip=True,
    ),
    Country(
        "lt",
        "lt_LT",
        "en",
        (("LT_ASMENS_KODAS", 1.0),),
        "asmens_kodas",
        ("Vilnius", "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys", "Alytus"),
        street=False,
    ),
    Country(
        "lv",
        "lv_LV",
        "en",
        (("LV_PERSONAS_KODS", 1.0),),
        "personas_kods",
        ("Rīga", "Daugavpils", "Liepāja", "Jelgava", "Jūrmala", "Ventspils"),
        street=False,
    ),
    Country(
        "gr",
        "el_GR",
        "en",
        (("GR_AMKA", 1.0),),
        "amka",
        ("Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Athens", "Thessaloniki", "Heraklion", "Larissa"),
        card=True,
    ),
    Country(
        "si",
        "sl_SI",
        "en",
        (("SI_EMSO", 1.0),),
        "emso",
        ("Ljubljana", "Maribor", "Celje", "Kranj", "Koper", "Novo Mesto"),
    ),
    Country(
        "hu",
        "hu_HU",
        "en",
        (("HU_TAJ", 1.0),),
        "taj_szam",
        ("Budapest", "Debrecen", "Szeged", "Miskolc", "Pécs", "Győr", "Nyíregyháza"),
    ),
    Country(
        "lu",
        "lb_LU",
        "fr",
        (("LU_MATRICULE", 1.0),),
        "matricule",
        ("Luxembourg", "Esch-sur-Alzette", "Differdange", "Dudelange", "Ettelbruck"),
        street=False,
    ),
    Country(
        "mt",
        "mt_MT",
        "en",
        (("MT_ID_CARD", 1.0),),
        "id_card_no",
        ("Valletta", "Sliema", "Birkirkara", "Mosta", "Qormi", "St. Julian's"),
        street=False,
    ),
)

_HEADERS_EN = {
    "cid": "customer_id",
    "name": "name",
    "email": "email",
    "phone": "phone",
    "iban": "iban",
    "street": "street",
    "postcode": "postcode",
    "city": "city",
    "card": "card_number",
    "ip": "last_login_ip",
    "age": "age",
    "consent": "consent_marketing",
    "notes": "notes",
    "birth": "birth_date",
    "created": "created_at",
}
_HEADERS_LOCAL = {
    "de": {
        "name": "name",
        "email": "e_mail",
        "phone": "telefon",
        "street": "strasse",
        "postcode": "plz",
        "city": "ort",
        "age": "alter",
        "consent": "einwilligung_marketing",
        "notes": "notizen",
        "birth": "geburtsdatum",
        "card": "kreditkarte",
    },
    "fr": {
        "name": "nom",
        "phone": "telephone",
        "street": "adresse",
        "postcode": "code_postal",
        "city": "ville",
        "age": "âge",
        "consent": "consentement_marketing",
        "notes": "remarques",
    },
    "it": {
        "name": "nome",
        "phone": "telefono",
        "street": "indirizzo",
        "postcode": "cap",
        "city": "citta",
        "age": "eta",
        "consent": "consenso_marketing",
        "notes": "note",
        "card": "carta",
    },
    "es": {
        "name": "nombre",
        "phone": "telefono",
        "street": "direccion",
        "postcode": "codigo_postal",
        "city": "ciudad",
        "age": "edad",
        "consent": "consentimiento",
        "notes": "notas",
        "birth": "fecha_nacimiento",
    },
    "nl": {
        "name": "naam",
        "phone": "telefoon",
        "street": "straat",
        "city": "woonplaats",
        "age": "leeftijd",
        "consent": "toestemming_marketing",
        "notes": "opmerkingen",
        "birth": "geboortedatum",
    },
    "pl": {
        "name": "imie_nazwisko",
        "phone": "telefon",
        "street": "ulica",
        "postcode": "kod_pocztowy",
        "city": "miasto",
        "age": "wiek",
        "consent": "zgoda_marketing",
        "notes": "uwagi",
        "card": "karta",
    },
}

_STREET_WORDS = {
    "bg": ("ул. Витоша", "бул. България", "ул. Раковски", "ул. Шипка"),
    "ee": ("Pärnu mnt", "Narva mnt", "Tartu mnt", "Rüütli tn"),
    "lt": ("Gedimino pr.", "Pilies g.", "Vilniaus g.", "Laisvės al."),
    "lv": ("Brīvības iela", "Elizabetes iela", "Krišjāņa Barona iela"),
    "lu": ("rue de la Gare", "avenue de la Liberté", "boulevard Royal", "rue du Fossé"),
    "mt": ("Triq ir-Repubblika", "Triq il-Merkanti", "Triq San Pawl"),
}

# ================================================================================ text building


class Text:
    """A string built piece by piece, recording the exact offsets of planted values."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.spans: list[tuple[int, int, str, str, str]] = []  # start, end, type, tag, value

    def add(self, text: str) -> Text:
        self._parts.append(text)
        self._len += len(text)
        return self

    def plant(self, value: str, entity_type: str | None, tag: str = "") -> Text:
        if entity_type:
            self.spans.append((self._len, self._len + len(value), entity_type, tag, value))
        return self.add(value)

    def sep(self, text: str = " ") -> Text:
        return self.add(text) if self._len else self

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def __bool__(self) -> bool:
        return self._len > 0


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class Rendered:
    """What the templates of one record add up to: its rules and the acts it is made of."""

    rules: set[str] = field(default_factory=set)
    optional: set[str] = field(default_factory=set)
    acts: list[str] = field(default_factory=list)

    def take(self, template: T, label: str) -> None:
        self.rules.update(template.rules)
        self.optional.update(template.optional)
        if label and label not in self.acts:
            self.acts.append(label)


class Persona:
    """The values one record talks about, drawn lazily so unused placeholders cost no randomness."""

    def __init__(self, country: Country, gen: Generator):
        self.country = country
        self.gen = gen
        self.rng = gen.rng
        self.faker = gen.faker(country)
        self._values: dict[str, tuple[str, str | None]] = {}

    def get(self, key: str) -> tuple[str, str | None]:
        if key not in self._values:
            self._values[key] = self._make(key)
        return self._values[key]

    def set(self, key: str, value: str, entity_type: str | None) -> None:
        self._values[key] = (value, entity_type)

    def _make(self, key: str) -> tuple[str, str | None]:
        rng, c = self.rng, self.country
        kind = PLACEHOLDER_TYPES.get(key)
        if key in ("person", "person2", "agent"):
            return self.gen.person_name(c), kind
        if key == "email":
            return self.gen.email(c, self.get("person")[0]), kind
        if key == "phone":
            return ids.phone_number(rng, c.region), kind
        if key == "iban":
            return ids.format_iban(rng, ids.iban(rng, c.region)), kind
        if key == "card":
            return ids.card_number(rng), kind
        if key == "ip":
            return ids.ip_address(rng), kind
        if key == "city":
            return rng.choice(c.cities), kind
        if key == "street":
            return self.gen.street(c), kind
        if key == "postcode":
            return self.faker.postcode(), None
        if key == "password":
            return ids.password(rng), kind
        if key == "id":
            entity = _weighted(rng, c.id_types)
            return ids.national_id(rng, entity), entity
        if key == "id_name":
            entity = self.get("id")[1]
            return rng.choice(ID_NAMES[entity]), None
        if key == "brand":
            return self.gen.brand, None
        if key == "order":
            return f"{rng.choice(('#', 'ORD-', 'A'))}{rng.randrange(100000, 9999999)}", None
        return "", None


def render(text: Text, template: T, persona: Persona, out: Rendered) -> None:
    """Append `template` to `text`, planting its labelled placeholders (tagged with the template's key)."""
    label = key_of(template) + (f"/{template.tag}" if template.tag else "")
    pos = 0
    for match in _PLACEHOLDER.finditer(template.text):
        text.add(template.text[pos : match.start()])
        value, entity_type = persona.get(match.group(1))
        text.plant(value, entity_type, label)
        pos = match.end()
    text.add(template.text[pos:])
    out.take(template, label)


def _weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii() and ch.isalnum())


# ================================================================================ the generator


@dataclass
class _CustomerRow:
    """What the cells of one customer row share: the person, what the row renders, their age."""

    country: Country
    persona: Persona
    rendered: Rendered
    age: int
    phone_style: str

    @property
    def adult(self) -> bool:
        return self.age >= 18


class Generator:
    """Builds the corpus. Every random choice comes from one `random.Random(seed)` (and Faker
    instances seeded from it), so the same seed and size give byte-identical files."""

    def __init__(self, seed: int, size: float):
        self.seed = seed
        self.size = size
        self.rng = random.Random(seed)
        self._fakers: dict[str, Faker] = {}
        self.brand = BRANDS[0]

    # -- values -------------------------------------------------------------------------------
    def faker(self, country: Country) -> Faker:
        if country.locale not in self._fakers:
            fake = Faker(country.locale)
            fake.seed_instance(self.rng.randrange(2**31))
            self._fakers[country.locale] = fake
        return self._fakers[country.locale]

    def person_name(self, country: Country) -> str:
        fake = self.faker(country)
        return f"{fake.first_name()} {fake.last_name()}"

    def email(self, country: Country, name: str) -> str:
        fake = self.faker(country)
        parts = [_fold(p).lower() for p in name.split()]
        parts = [p for p in parts if p]
        domain = fake.free_email_domain()
        if len(parts) < 2:
            return f"{fake.user_name()}@{domain}"
        first, last = parts[0], parts[-1]
        local = self.rng.choice(
            (
                f"{first}.{last}",
                f"{first}{last}{self.rng.randrange(1, 99)}",
                f"{first[0]}.{last}",
                f"{last}.{first}",
                f"{first}_{last}",
            )
        )
        return f"{local}@{domain}"

    def street(self, country: Country) -> str:
        if country.code in _STREET_WORDS:
            name = self.rng.choice(_STREET_WORDS[country.code])
            number = self.rng.randrange(1, 120)
            return f"{number}, {name}" if country.code == "lu" else f"{name} {number}"
        return self.faker(country).street_address()

    def count(self, base: int, minimum: int = 2) -> int:
        return max(minimum, round(base * self.size))

    # -- files --------------------------------------------------------------------------------
    def build(self, root: Path) -> Corpus:
        data = root / "data"
        data.mkdir(parents=True, exist_ok=True)
        files: list[CorpusFile] = []
        for country in COUNTRIES:
            files.append(self.customers(country, data))
        files.append(self.clinic(data))
        files.append(self.chats(data))
        files.append(self.notes(data))
        files.append(self.decoys(data))
        return Corpus(root=root, seed=self.seed, size=self.size, files=files)

    def customers(self, country: Country, data: Path) -> CorpusFile:
        name = f"customers_{country.code}.csv"
        out = CorpusFile(name, "tabular")
        headers = dict(_HEADERS_EN)
        if country.local_headers:
            headers.update(_HEADERS_LOCAL[country.code])
        columns = ["cid", "name", "email", "phone", "iban"]
        columns += ["street", "postcode", "city"] if country.street else ["city"]
        columns += ["id"]
        columns += ["birth"] if country.birth else []
        columns += ["card"] if country.card else []
        columns += ["ip"] if country.ip else []
        columns += ["age", "consent", "notes", "created"]
        header_row = [country.id_column if c == "id" else headers[c] for c in columns]
        phone_style = self.rng.choice(("international", "national", "mixed"))
        rows: list[list[str]] = []
        for record in range(self.count(30)):
            persona = Persona(country, self)
            cells: dict[str, Text] = {}
            rendered = Rendered()
            age = self.rng.randrange(9, 16) if self.rng.random() < 0.08 else self.rng.randrange(18, 86)
            row = _CustomerRow(country, persona, rendered, age, phone_style)
            for column in columns:
                cell = Text()
                getattr(self, f"_customer_{column}")(cell, row)
                cells[headers.get(column, column) if column != "id" else country.id_column] = cell
            rows.append([cells[h].text for h in header_row])
            self._record(out, record, cells, rendered)
        out.records = len(rows)
        _write_csv(data / name, header_row, rows)
        return out

    # One customer column's cell, given the row; each draws from the generator as the corpus always has.
    def _customer_cid(self, cell: Text, row: _CustomerRow) -> None:
        cell.add(f"{row.country.code.upper()}-{self.rng.randrange(1, 999999):06d}")

    def _customer_name(self, cell: Text, row: _CustomerRow) -> None:
        cell.plant(row.persona.get("person")[0], "PERSON", tag="column")

    def _customer_email(self, cell: Text, row: _CustomerRow) -> None:
        cell.plant(row.persona.get("email")[0], "EMAIL_ADDRESS", tag="column")

    def _customer_phone(self, cell: Text, row: _CustomerRow) -> None:
        style = row.phone_style if row.phone_style != "mixed" else self.rng.choice(("international", "national"))
        if style != "national":  # written the international way: +CC, E.164 or 00CC
            style = self.rng.choice(("international", "international", "e164", "00"))
        phone = ids.phone_number(self.rng, row.country.region, style)
        row.persona.set("phone", phone, "PHONE_NUMBER")
        cell.plant(phone, "PHONE_NUMBER", tag=f"phone_{style}")

    def _customer_iban(self, cell: Text, row: _CustomerRow) -> None:
        if row.adult and self.rng.random() < 0.85:
            cell.plant(row.persona.get("iban")[0], "IBAN_CODE", tag="column")

    def _customer_street(self, cell: Text, row: _CustomerRow) -> None:
        cell.plant(row.persona.get("street")[0], "LOCATION", tag="street")

    def _customer_postcode(self, cell: Text, row: _CustomerRow) -> None:
        cell.add(row.persona.get("postcode")[0])

    def _customer_city(self, cell: Text, row: _CustomerRow) -> None:
        cell.plant(row.persona.get("city")[0], "LOCATION", tag="city")

    def _customer_id(self, cell: Text, row: _CustomerRow) -> None:
        if self.rng.random() < 0.92:
            value, entity = row.persona.get("id")
            cell.plant(value, entity, tag="column")

    def _customer_birth(self, cell: Text, row: _CustomerRow) -> None:
        cell.add(self._birth_text(row.age))

    def _customer_card(self, cell: Text, row: _CustomerRow) -> None:
        if row.adult and self.rng.random() < 0.7:
            cell.plant(row.persona.get("card")[0], "CREDIT_CARD", tag="column")

    def _customer_ip(self, cell: Text, row: _CustomerRow) -> None:
        if self.rng.random() < 0.8:
            cell.plant(row.persona.get("ip")[0], "IP_ADDRESS", tag="column")

    def _customer_age(self, cell: Text, row: _CustomerRow) -> None:
        cell.add(str(row.age))
        if row.age < 16:
            row.rendered.rules.add(CHILD_RULE)

    def _customer_consent(self, cell: Text, row: _CustomerRow) -> None:
        value = self._consent_value(row.country)
        cell.add(value)
        if value not in (row.country.consent_values[0], "yes", "true", "1"):
            row.rendered.rules.add(CONSENT_RULE)

    def _customer_notes(self, cell: Text, row: _CustomerRow) -> None:
        if self.rng.random() < 0.45:
            self._note(cell, row.persona, row.rendered, row.country)

    def _customer_created(self, cell: Text, row: _CustomerRow) -> None:
        cell.add(self._timestamp())

    def clinic(self, data: Path) -> CorpusFile:
        """A patient-intake export with special-category columns (health, religion) and BSNs."""
        country = next(c for c in COUNTRIES if c.code == "nl")
        name = "clinic_intake_nl.csv"
        out = CorpusFile(name, "tabular")
        header = [
            "patient_name",
            "bsn",
            "date_of_birth",
            "phone",
            "age",
            "diagnosis",
            "medication",
            "religion",
            "consent_research",
        ]
        diagnoses = (
            "Type 2 diabetes",
            "Asthma",
            "Hypertension",
            "Major depressive disorder",
            "Migraine",
            "Rheumatoid arthritis",
            "COPD",
            "Epilepsy",
            "Hypothyroidism",
            "Generalised anxiety disorder",
        )
        medication = (
            "metformin 500 mg",
            "salbutamol inhaler",
            "lisinopril 10 mg",
            "sertraline 50 mg",
            "sumatriptan",
            "methotrexate",
            "levothyroxine",
            "lamotrigine",
            "none",
        )
        religions = ("Roman Catholic", "Protestant", "Muslim", "None", "Jewish", "Hindu", "Not stated")
        rows = []
        for record in range(self.count(50)):
            persona = Persona(country, self)
            rendered = Rendered()
            age = self.rng.randrange(2, 16) if self.rng.random() < 0.15 else self.rng.randrange(18, 92)
            consent = self.rng.choice(("yes", "yes", "no", ""))
            phone = ids.phone_number(self.rng, "NL", self.rng.choice(("national", "international")))
            cells = {
                "patient_name": Text().plant(persona.get("person")[0], "PERSON", tag="column"),
                "bsn": Text().plant(persona.get("id")[0], "NL_BSN", tag="column"),
                "date_of_birth": Text().add(self._birth_text(age)),
                "phone": Text().plant(phone, "PHONE_NUMBER", tag="column"),
                "age": Text().add(str(age)),
                "diagnosis": Text().add(self.rng.choice(diagnoses)),
                "medication": Text().add(self.rng.choice(medication)),
                "religion": Text().add(self.rng.choice(religions)),
                "consent_research": Text().add(consent),
            }
            if age < 16:
                rendered.rules.add(CHILD_RULE)
            if consent != "yes":
                rendered.rules.add(CONSENT_RULE)
            # a named patient's diagnosis / religion value is special-category data: an engine may say so per record
            rendered.optional.add(HEALTH_RULE)
            if cells["religion"].text not in ("None", "Not stated"):
                rendered.optional.add(RELIGION_RULE)
            rows.append([cells[h].text for h in header])
            self._record(out, record, cells, rendered)
        out.rules.append(GoldRule(name, None, COLUMN_RULE, tag="diagnosis/medication/religion"))
        out.records = len(rows)
        _write_csv(data / name, header, rows)
        return out

    def chats(self, data: Path) -> CorpusFile:
        name = "support_chats.jsonl"
        out = CorpusFile(name, "chat")
        lines = []
        weights = [4 if c.lang in ("en", "de", "fr", "es", "it") else 1 for c in COUNTRIES]
        for record in range(self.count(400)):
            country = self.rng.choices(COUNTRIES, weights=weights)[0]
            lang = country.lang if country.lang in ASSISTANT and self.rng.random() < 0.7 else "en"
            self.brand = self.rng.choice(BRANDS)
            persona = Persona(country, self)
            rendered = Rendered()
            messages: list[tuple[str, Text]] = []
            mode = _weighted(self.rng, (("greet", 0.45), ("asked", 0.1), ("never", 0.3), ("human", 0.15)))
            if self.rng.random() < 0.6:
                messages.append(("system", Text().add(self.rng.choice(SYSTEM_PROMPTS).replace("{brand}", self.brand))))
            greet = "greet_disclose" if mode == "greet" else "greet_plain"
            messages.append(("assistant", self._say(ASSISTANT, lang, greet, persona, rendered)))
            exchanges = self.rng.randrange(1, 5)
            ask_at = (
                self.rng.randrange(exchanges + 1)
                if mode in ("asked", "human") or (mode == "never" and self.rng.random() < 0.3)
                else -1
            )
            for turn in range(exchanges + 1):
                if turn == ask_at:
                    messages.append(("user", self._say(USER, lang, "ask_bot", persona, rendered)))
                    answer = {"asked": "answer_bot_disclose", "human": "answer_bot_human"}.get(mode, "answer_bot_dodge")
                    messages.append(("assistant", self._say(ASSISTANT, lang, answer, persona, rendered)))
                if turn == exchanges:
                    break
                user = Text()
                for act in self._user_acts():
                    self._act(user, persona, rendered, country, lang, act)
                messages.append(("user", user))
                reply = "echo_email" if "email" in persona._values and self.rng.random() < 0.2 else "reply"
                messages.append(("assistant", self._say(ASSISTANT, lang, reply, persona, rendered)))
            if mode in ("never", "human"):
                rendered.rules.add(NO_DISCLOSURE_RULE)
            if mode == "human":
                rendered.rules.add(HUMAN_CLAIM_RULE)
            cells = {f"messages[{i}].content": text for i, (_, text) in enumerate(messages)}
            line = {
                "conversation_id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
                "channel": self.rng.choice(("web", "app", "whatsapp")),
                "locale": f"{lang}-{country.region}",
                "created_at": self._timestamp(iso=True),
                "messages": [{"role": role, "content": text.text} for role, text in messages],
            }
            lines.append(json.dumps(line, ensure_ascii=False))
            self._record(out, record, cells, rendered)
        out.records = len(lines)
        (data / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return out

    def notes(self, data: Path) -> CorpusFile:
        """One support note or customer message per line: agent notes (third person) and customer text."""
        name = "support_notes.txt"
        out = CorpusFile(name, "text")
        lines = []
        for record in range(self.count(350)):
            country = self.rng.choice(COUNTRIES)
            persona = Persona(country, self)
            rendered = Rendered()
            text = Text()
            if self.rng.random() < 0.6:
                self._note(text, persona, rendered, country)
            else:
                lang = country.lang if country.lang in ASSISTANT and self.rng.random() < 0.7 else "en"
                for act in self._user_acts(max_acts=3):
                    self._act(text, persona, rendered, country, lang, act)
            lines.append(text.text)
            self._record(out, record, {None: text}, rendered)
        out.records = len(lines)
        (data / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return out

    def decoys(self, data: Path) -> CorpusFile:
        """Codes that look like personal data but are not: zero findings expected."""
        name = "decoys.csv"
        out = CorpusFile(name, "decoy")
        header = [
            "sku",
            "product_code",
            "ean",
            "uuid",
            "commit_sha",
            "order_no",
            "batch_no",
            "version",
            "invoice_no",
            "created_at",
            "payment_reference",
            "tracking_number",
            "item_number",
            "weight_kg",
            "comment",
        ]
        rng = self.rng
        rows = []
        for _ in range(self.count(200)):
            number, colour, size = rng.randrange(10000, 99999), rng.choice(COLOURS), rng.choice(SIZES)
            sku = f"SKU-{number}-{colour}-{size}"
            product = rng.choice(
                (
                    f"PRD-{rng.randrange(2019, 2026)}-{rng.randrange(0, 99999):05d}",
                    f"{rng.choice('ABCDEFGHJK')}{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}",
                    f"{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(3))}{rng.randrange(100, 999)}",
                )
            )
            ean = _ean13(rng)
            sha = "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice((7, 40))))
            order = rng.choice(
                (
                    f"ORD-{rng.randrange(2020, 2026)}-{rng.randrange(0, 999999):06d}",
                    str(rng.randrange(1_000_000_000, 9_999_999_999)),
                    f"#{rng.randrange(100000, 999999)}",
                )
            )
            batch = rng.choice(
                (
                    f"B-{rng.randrange(1000, 9999)}-{rng.randrange(10, 99)}",
                    f"LOT {rng.randrange(2020, 2026)}/{rng.randrange(1, 9999):04d}",
                    (
                        f"{rng.randrange(20, 26)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
                        f"/{rng.randrange(0, 9999):04d}"
                    ),
                )
            )
            version = rng.choice(
                (
                    f"v{rng.randrange(0, 10)}.{rng.randrange(0, 30)}.{rng.randrange(0, 50)}",
                    f"{rng.randrange(1, 5)}.{rng.randrange(0, 20)}.{rng.randrange(0, 10)}-rc.{rng.randrange(1, 5)}",
                    f"{rng.randrange(1, 20)}.{rng.randrange(0, 10)}.{rng.randrange(0, 10)}.{rng.randrange(1000, 9999)}",
                )
            )
            invoice = rng.choice(
                (
                    f"INV-{rng.randrange(2020, 2026)}-{rng.randrange(0, 999999):06d}",
                    f"RE-{rng.randrange(2020, 2026)}-{rng.randrange(1, 9999):04d}",
                    f"{rng.randrange(2020, 2026)}/{rng.randrange(1, 99999):05d}",
                )
            )
            created = self._timestamp(iso=rng.random() < 0.5)
            reference = ids.broken_iban(rng, rng.choice(("DE", "FR", "NL", "IT", "ES", "BE", "AT", "PL")))
            if rng.random() < 0.5:
                reference = " ".join(reference[i : i + 4] for i in range(0, len(reference), 4))
            tracking = ids.luhn_invalid(rng, 16)
            if rng.random() < 0.4:
                tracking = " ".join(tracking[i : i + 4] for i in range(0, 16, 4))
            item = str(rng.randrange(10_000_000_000, 99_999_999_999))
            weight = f"{rng.randrange(0, 40)}.{rng.randrange(0, 1000):03d}"
            comment = rng.choice(
                (
                    f"Batch {batch} shipped with firmware {version}, invoice {invoice}.",
                    f"Replaced part {product} (EAN {ean}) under order {order}.",
                    f"Build {sha[:7]} deployed on {created}.",
                    f"Stock count for {sku}: {rng.randrange(0, 500)} units, reorder at {rng.randrange(10, 80)}.",
                    f"Pallet {rng.randrange(100, 999)} of {rng.randrange(1000, 1999)} scanned, weight {weight} kg.",
                    f"Reference {reference} rejected by the bank import, check the format.",
                    "Temperature log exported, no deviations.",
                )
            )
            rows.append(
                [
                    sku,
                    product,
                    ean,
                    str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    sha,
                    order,
                    batch,
                    version,
                    invoice,
                    created,
                    reference,
                    tracking,
                    item,
                    weight,
                    comment,
                ]
            )
        out.records = len(rows)
        _write_csv(data / name, header, rows)
        return out

    # -- pieces -------------------------------------------------------------------------------
    def _user_acts(self, max_acts: int = 2) -> list[str]:
        acts = []
        for _ in range(self.rng.randrange(1, max_acts + 1)):
            acts.append(
                _weighted(
                    self.rng,
                    (
                        ("intro", 0.12),
                        ("email", 0.08),
                        ("phone", 0.07),
                        ("iban", 0.05),
                        ("address", 0.06),
                        ("card", 0.03),
                        ("id", 0.08),
                        ("ip", 0.02),
                        ("password", 0.015),
                        ("relative", 0.03),
                        ("health", 0.05),
                        ("religion", 0.025),
                        ("political", 0.025),
                        ("sexual", 0.02),
                        ("union", 0.02),
                        ("ethnic", 0.015),
                        ("genetic", 0.01),
                        ("criminal", 0.015),
                        ("child", 0.03),
                        ("erasure", 0.035),
                        ("objection", 0.03),
                        ("withdrawal", 0.025),
                        ("negative", 0.11),
                        ("filler", 0.1),
                    ),
                )
            )
        return acts

    def _act(self, text: Text, persona: Persona, rendered: Rendered, country: Country, lang: str, act: str) -> None:
        if act == "id":
            entity = persona.get("id")[1]
            local, english = ID_PHRASES[entity]
            options = local if self.rng.random() < 0.7 else english
            text.sep()
            render(text, self.rng.choice(options), persona, rendered)
            return
        pool = USER.get(lang, {}).get(act) or USER["en"][act]
        text.sep()
        render(text, self.rng.choice(pool), persona, rendered)

    def _say(self, table: dict, lang: str, act: str, persona: Persona, rendered: Rendered) -> Text:
        text = Text()
        pool = table.get(lang, {}).get(act) or table["en"][act]
        render(text, self.rng.choice(pool), persona, rendered)
        return text

    def _note(self, text: Text, persona: Persona, rendered: Rendered, country: Country) -> None:
        lang = "de" if country.lang == "de" and self.rng.random() < 0.5 else "en"
        act = _weighted(
            self.rng,
            (
                ("contact", 0.36),
                ("id", 0.12),
                ("health", 0.08),
                ("religion", 0.02),
                ("union", 0.02),
                ("criminal", 0.02),
                ("erasure", 0.05),
                ("objection", 0.03),
                ("withdrawal", 0.03),
                ("child", 0.03),
                ("negative", 0.1),
                ("neutral", 0.14),
            ),
        )
        pool = NOTES[lang].get(act) or NOTES["en"][act]
        render(text, self.rng.choice(pool), persona, rendered)

    def _consent_value(self, country: Country) -> str:
        roll = self.rng.random()
        yes, no = country.consent_values if self.rng.random() < 0.8 else ("yes", "no")
        if roll < 0.55:
            return yes
        if roll < 0.8:
            return no
        return ""

    def _birth_text(self, age: int) -> str:
        year = 2025 - age
        month, day = self.rng.randrange(1, 13), self.rng.randrange(1, 29)
        return self.rng.choice(
            (f"{year}-{month:02d}-{day:02d}", f"{day:02d}.{month:02d}.{year}", f"{day:02d}/{month:02d}/{year}")
        )

    def _timestamp(self, iso: bool = False) -> str:
        y, mo, d = self.rng.randrange(2022, 2026), self.rng.randrange(1, 13), self.rng.randrange(1, 29)
        h, mi, s = self.rng.randrange(0, 24), self.rng.randrange(0, 60), self.rng.randrange(0, 60)
        return (
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"
            if iso
            else f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}"
        )

    def _record(self, out: CorpusFile, record: int, cells: dict[str | None, Text], rendered: Rendered) -> None:
        """Gold entities of one record, and its rules: the statements' plus those its entities imply."""
        rules = set(rendered.rules)
        for field_name, cell in cells.items():
            value = cell.text
            lead, stripped = len(value) - len(value.lstrip()), value.strip()
            for start, end, entity_type, tag, planted in cell.spans:
                out.entities.append(GoldEntity(out.name, record, field_name, start, end, entity_type, tag, planted))
                rules.update(_entity_rules(entity_type, whole=start <= lead and end >= lead + len(stripped)))
        tag = ",".join(rendered.acts)
        if rendered.acts:
            out.acts[record] = list(rendered.acts)
        for rule_id in sorted(rules):
            out.rules.append(GoldRule(out.name, record, rule_id, tag=tag))
        for rule_id in sorted(rendered.optional - rules):
            out.rules.append(GoldRule(out.name, record, rule_id, optional=True, tag=tag))


def _entity_rules(entity_type: str, whole: bool) -> set[str]:
    """Rules an entity fires by catalogue.yaml's entity triggers."""
    if entity_type in ids.ID_SPECS:
        return {NATIONAL_ID_RULE}
    if entity_type in DIRECT_IDENTIFIER_TYPES:
        return {DIRECT_IDENTIFIERS_RULE}
    if entity_type == "PERSON":
        return {DIRECT_IDENTIFIERS_RULE if whole else NAMES_IN_TEXT_RULE}
    if entity_type == "PASSWORD":
        return {SECRETS_RULE}
    return set()


def _ean13(rng: random.Random) -> str:
    body = rng.choice(("400", "401", "590", "800", "871", "376")) + "".join(rng.choice("0123456789") for _ in range(9))
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
    return body + str(check)


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


# ============================================================================ write / load


def generate(root: Path, seed: int = 7, size: float = 1.0) -> Corpus:
    """Generate the corpus into `root` (data/, gold/, manifest.json) and return it with in-memory values."""
    if size <= 0:
        raise ValueError("size must be positive")
    root = Path(root)
    corpus = Generator(seed, size).build(root)
    gold_dir = root / "gold"
    gold_dir.mkdir(parents=True, exist_ok=True)
    for f in corpus.files:
        lines = [json.dumps(e.to_json(), ensure_ascii=False) for e in f.entities]
        lines += [json.dumps(r.to_json(), ensure_ascii=False) for r in f.rules]
        (gold_dir / f"{f.name}.jsonl").write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        acts = [json.dumps({"record": record, "acts": acts}, ensure_ascii=False) for record, acts in f.acts.items()]
        (gold_dir / f"{f.name}.records.jsonl").write_text("\n".join(acts) + ("\n" if acts else ""), encoding="utf-8")
    manifest = {
        "generator": GENERATOR_VERSION,
        "seed": seed,
        "size": size,
        "files": [
            {
                "name": f.name,
                "kind": f.kind,
                "records": f.records,
                "data": f"data/{f.name}",
                "gold": f"gold/{f.name}.jsonl",
            }
            for f in corpus.files
        ],
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return corpus


def load(root: Path) -> Corpus:
    """Read a corpus written by `generate` (gold labels without the planted values)."""
    root = Path(root)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    files = []
    for entry in manifest["files"]:
        f = CorpusFile(entry["name"], entry["kind"], entry.get("records", 0))
        for line in _lines(root / entry["gold"]):
            item = json.loads(line)
            if "rule_id" in item:
                f.rules.append(
                    GoldRule(
                        item["file"], item["record"], item["rule_id"], item.get("optional", False), item.get("tag", "")
                    )
                )
            else:
                f.entities.append(
                    GoldEntity(
                        item["file"],
                        item["record"],
                        item["field"],
                        item["start"],
                        item["end"],
                        item["entity_type"],
                        item.get("tag", ""),
                    )
                )
        files.append(f)
    return Corpus(root=root, seed=manifest["seed"], size=manifest["size"], files=files)


def is_corpus(root: Path) -> bool:
    return (Path(root) / "manifest.json").is_file()


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line
