"""Which columns hold protected attributes (EU Charter Art. 21, GDPR Art. 9) and which one is the label.

A column is a protected attribute by its header (terms in the EU languages, below) or by its values
(a column of `F/M/divers`, of nationalities, of religions, of ethnic groups, of ages). A label is a
binary column named like a target or an outcome.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(text.split())


# Category -> header terms. Terms of at most 5 letters must equal a word of the header; longer terms may sit
# inside a compound word (`Staatsangehörigkeit`, `religionszugehoerigkeit`, `applicant_nationality`).
HEADER_TERMS: dict[str, tuple[str, ...]] = {
    "sex": (
        "sex",
        "gender",
        "geschlecht",
        "sexe",
        "genre",
        "sexo",
        "género",
        "genero",
        "sesso",
        "genere",
        "geslacht",
        "gender_identity",
        "płeć",
        "plec",
        "pohlaví",
        "pohlavie",
        "kön",
        "køn",
        "kjønn",
        "sukupuoli",
        "sugu",
        "lytis",
        "dzimums",
        "spol",
        "nem",
        "sexul",
        "φύλο",
        "пол",
        "gesl",
        "female",
        "male",
    ),
    "age": (
        "age",
        "alter",
        "âge",
        "edad",
        "età",
        "eta",
        "leeftijd",
        "wiek",
        "věk",
        "vek",
        "ålder",
        "alder",
        "ikä",
        "vanus",
        "amžius",
        "vecums",
        "starost",
        "kor",
        "idade",
        "vârstă",
        "varsta",
        "ηλικία",
        "възраст",
        "age_years",
        "age_group",
        "agegroup",
        "age_band",
        "altersgruppe",
        "lebensalter",
        "year_of_birth",
        "birth_year",
        "geburtsjahr",
        "dob",
        "date_of_birth",
        "geburtsdatum",
        "birthdate",
    ),
    "nationality": (
        "nationality",
        "citizenship",
        "staatsangehörigkeit",
        "staatsangehoerigkeit",
        "nationalität",
        "nationalitaet",
        "nationalité",
        "nationalite",
        "nacionalidad",
        "nazionalità",
        "nazionalita",
        "cittadinanza",
        "nationaliteit",
        "obywatelstwo",
        "narodowość",
        "narodowosc",
        "státní_občanství",
        "medborgarskap",
        "nationalitet",
        "kansalaisuus",
        "country_of_birth",
        "birth_country",
        "geburtsland",
        "pays_de_naissance",
        "native_country",
        "national_origin",
        "herkunftsland",
        "migration_background",
        "migrationshintergrund",
    ),
    "ethnic_origin": (
        "race",
        "ethnicity",
        "ethnic",
        "ethnie",
        "ethnizität",
        "ethnische",
        "ethnique",
        "etnia",
        "etnicidad",
        "etnicità",
        "etniciteit",
        "etniczność",
        "etnicznosc",
        "pochodzenie_etniczne",
        "skin_colour",
        "skin_color",
        "hautfarbe",
        "roma",
        "minority",
        "minderheit",
    ),
    "religion": (
        "religion",
        "religious",
        "religionszugehörigkeit",
        "konfession",
        "glaube",
        "religión",
        "religione",
        "religie",
        "godsdienst",
        "religia",
        "wyznanie",
        "náboženství",
        "confession",
        "belief",
        "faith",
    ),
    "disability": (
        "disability",
        "disabled",
        "behinderung",
        "schwerbehindert",
        "handicap",
        "discapacidad",
        "disabilità",
        "invalidità",
        "beperking",
        "handicapé",
        "niepełnosprawność",
        "niepelnosprawnosc",
        "impairment",
    ),
    "sexual_orientation": (
        "sexual_orientation",
        "sexuelle_orientierung",
        "orientation_sexuelle",
        "orientación_sexual",
        "orientamento_sessuale",
        "seksuele_geaardheid",
        "orientacja_seksualna",
        "lgbt",
        "lgbtq",
    ),
    "political_opinion": (
        "political",
        "party_affiliation",
        "politische",
        "parteizugehörigkeit",
        "politique",
        "política",
        "politica",
        "politiek",
        "poglądy_polityczne",
        "vote_intention",
        "voting",
    ),
    "trade_union": (
        "trade_union",
        "union_member",
        "union_membership",
        "gewerkschaft",
        "syndicat",
        "sindicato",
        "sindacato",
        "vakbond",
        "związek_zawodowy",
        "zwiazek_zawodowy",
        "fackförening",
    ),
    "health": (
        "health",
        "diagnosis",
        "diagnose",
        "gesundheit",
        "santé",
        "sante",
        "salud",
        "salute",
        "gezondheid",
        "zdrowie",
        "medical",
        "disease",
        "krankheit",
        "icd10",
        "icd_10",
        "pregnant",
        "pregnancy",
        "schwanger",
        "schwangerschaft",
        "hiv",
        "medication",
    ),
    "genetic": ("genetic", "genotype", "genetisch", "génétique", "genético", "dna", "genome"),
    "biometric": ("biometric", "face_embedding", "voiceprint", "biometrisch", "biométrique"),
    "language": ("mother_tongue", "native_language", "muttersprache", "langue_maternelle", "lengua_materna"),
    "social_origin": ("social_origin", "soziale_herkunft", "caste", "social_class", "origine_sociale"),
    "marital_status": ("marital_status", "familienstand", "état_civil", "estado_civil", "stato_civile"),
}

# GDPR Art. 9(1) special categories among the attributes above (Art. 10(5) AI Act safeguards apply to them).
SPECIAL_CATEGORIES = frozenset(
    {
        "ethnic_origin",
        "religion",
        "political_opinion",
        "trade_union",
        "health",
        "genetic",
        "biometric",
        "sexual_orientation",
        "disability",
    }
)

# Values that say which attribute a column holds (normalised: lower case, accents kept, spaces collapsed).
SEX_VALUES = _words(
    "f m w d x female male woman man women men other non-binary nonbinary diverse divers weiblich "
    "männlich maennlich frau mann femme homme féminin masculin mujer hombre femenino masculino donna uomo "
    "femmina maschio vrouw kobieta mężczyzna mezczyzna k kvinna kvinde nainen mies žena muž fem masc "
    "unknown unbekannt inter"
) | {"non-binary", "non binary", "not stated"}
NATIONALITY_VALUES = _words(
    "austria austrian belgium belgian bulgaria bulgarian croatia croatian cyprus cypriot czechia czech denmark "
    "danish estonia estonian finland finnish france french germany german greece greek hungary hungarian ireland "
    "irish italy italian latvia latvian lithuania lithuanian luxembourg luxembourgish malta maltese netherlands "
    "dutch poland polish portugal portuguese romania romanian slovakia slovak slovenia slovenian spain spanish "
    "sweden swedish norway norwegian iceland icelandic switzerland swiss turkey turkish türkiye ukraine ukrainian "
    "russia russian syria syrian afghanistan afghan iraq iraqi iran iranian morocco moroccan algeria algerian "
    "tunisia tunisian nigeria nigerian eritrea eritrean albania albanian serbia serbian kosovo kosovar bosnia "
    "bosnian india indian pakistan pakistani china chinese vietnam vietnamese brazil brazilian usa american "
    "britain british uk english scotland scottish deutsch deutschland deutsche österreich österreichisch "
    "frankreich französisch italien italienisch spanien spanisch polen polnisch türkei türkisch rumänien "
    "rumänisch syrien syrisch française français allemand allemande italienne italien espagnol espagnole "
    "alemania alemán española español francés italiano italiana tedesco tedesca francese spagnolo nederlands "
    "nederlandse duits duitse frans franse polska polski polska niemcy niemiecki eu non-eu third-country"
) | {"united kingdom", "united states", "czech republic", "north macedonia", "third country", "non eu"}
RELIGION_VALUES = _words(
    "christian christianity catholic roman-catholic protestant evangelical orthodox lutheran anglican muslim "
    "islam islamic sunni shia jewish judaism jew hindu hinduism buddhist buddhism sikh atheist agnostic none "
    "no-religion other katholisch römisch-katholisch evangelisch orthodox muslimisch islamisch jüdisch "
    "konfessionslos buddhistisch catholique protestant musulman musulmane juif juive athée católico católica "
    "protestante musulmán judío ateo cattolico cattolica musulmano ebreo ateo katholiek protestants moslim "
    "joods katolik katolicki prawosławny muzułmanin żyd ateista"
) | {"roman catholic", "no religion", "not religious"}
ETHNIC_VALUES = _words(
    "white black asian hispanic latino latina latinx arab roma sinti african caucasian mixed indigenous "
    "other native pacific-islander middle-eastern amer-indian-eskimo asian-pac-islander"
) | {
    "african american",
    "black or african american",
    "native american",
    "pacific islander",
    "middle eastern",
    "two or more races",
    "white british",
    "black british",
    "mixed race",
}

VALUE_CATEGORIES: tuple[tuple[str, frozenset[str]], ...] = (
    ("sex", SEX_VALUES),
    ("religion", RELIGION_VALUES),
    ("ethnic_origin", ETHNIC_VALUES),
    ("nationality", NATIONALITY_VALUES),
)
# A column is the category of a value set when at least this share of its non-empty sampled values are in it.
VALUE_MATCH_SHARE = 0.9

LABEL_TERMS = (
    "label",
    "target",
    "outcome",
    "class",
    "y",
    "approved",
    "approval",
    "hired",
    "hire",
    "default",
    "accepted",
    "granted",
    "admitted",
    "decision",
    "result",
    "churn",
    "fraud",
    "selected",
    "success",
    "passed",
    "income_gt_50k",
    "income",
    "risk",
    "credit_risk",
    "loan_status",
    "status",
    "ziel",
    "zielvariable",
    "entscheidung",
    "genehmigt",
    "eingestellt",
    "angenommen",
    "bewilligt",
    "résultat",
    "decision_finale",
    "accepté",
    "aprobado",
    "contratado",
    "resultado",
    "approvato",
    "assunto",
    "esito",
    "goedgekeurd",
    "aangenomen",
    "uitkomst",
    "decyzja",
    "wynik",
)
# Values read as the favourable outcome of a binary label (normalised); otherwise the larger number, else the rarer.
POSITIVE_VALUES = _words(
    "1 true yes y approved hired accepted granted admitted good positive pass passed selected success ja oui sí si "
    "sì tak genehmigt angenommen eingestellt bewilligt accepté aprobado contratado approvato assunto "
    "goedgekeurd aangenomen >50k"
)
NEGATIVE_VALUES = _words(
    "0 false no n rejected declined denied bad negative fail failed nein non no nie abgelehnt refusé "
    "rechazado respinto afgewezen <=50k"
)


def normalise_header(name: str) -> str:
    """Lower case, NFC, separators as underscores (`Date of Birth` -> `date_of_birth`); a JSON path's last part."""
    last = re.split(r"[.\[\]]+", name.strip(".[]"))[-1] if name else ""
    text = unicodedata.normalize("NFC", last).casefold()
    return re.sub(r"[\s\-/]+", "_", text.strip())


def header_words(name: str) -> list[str]:
    """The words of a header, split at separators and at camelCase (`applicantGender` -> applicant, gender)."""
    spaced = re.sub(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])", " ", name)
    return [word.casefold() for word in _WORD.findall(spaced)]


def header_category(name: str) -> str | None:
    """The protected attribute a header names, or None."""
    norm = normalise_header(name)
    words = set(header_words(name))
    for category, terms in HEADER_TERMS.items():
        for term in terms:
            if term in words or norm == term:
                return category
            if len(term) > 5 and term in norm:
                return category
    return None


def normalise_value(text: str) -> str:
    """A value as compared with the value sets: stripped, lower case, inner spaces collapsed."""
    return " ".join(text.strip().casefold().split())


def value_category(values: Iterable[tuple[str, int]]) -> str | None:
    """The category whose value set holds at least VALUE_MATCH_SHARE of `values` ((value, count) pairs,
    normalised), with at least two distinct values in it; None when no set does."""
    pairs = [(value, count) for value, count in values if value]
    total = sum(count for _, count in pairs)
    if not total:
        return None
    for category, known in VALUE_CATEGORIES:
        hits = [(value, count) for value, count in pairs if value in known]
        if len(hits) >= 2 and sum(count for _, count in hits) >= VALUE_MATCH_SHARE * total:
            return category
    return None


def looks_like_ages(numbers: list[float]) -> bool:
    """Whether sampled numbers look like ages of people: whole numbers from 0 to 120, at least 8 distinct, spread
    over at least 25 years, median between 18 and 80. Used only when no header names the column."""
    if len(numbers) < 20 or any(n != int(n) or n < 0 or n > 120 for n in numbers):
        return False
    ordered = sorted(numbers)
    spread = ordered[-1] - ordered[0] >= 25
    return spread and len(set(ordered)) >= 8 and 18 <= ordered[len(ordered) // 2] <= 80


def is_label_name(name: str) -> bool:
    """Whether a header is named like a target / outcome (`approved`, `loan_status`, `y`, `Entscheidung`)."""
    norm = normalise_header(name)
    words = set(header_words(name))
    return norm in LABEL_TERMS or any(word in LABEL_TERMS for word in words if len(word) > 2 or word == "y")


def positive_value(values: list[tuple[str, int]]) -> str:
    """The favourable one of a binary label's two values ((value, count) pairs, normalised)."""
    names = [value for value, _ in values]
    for value in names:
        if value in POSITIVE_VALUES:
            return value
    for value in names:
        if value in NEGATIVE_VALUES:
            return next(other for other in names if other != value)
    try:
        return max(names, key=float)
    except ValueError:
        return min(values, key=lambda pair: (pair[1], pair[0]))[0]
