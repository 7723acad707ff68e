"""Synthetic identifiers for the evaluation corpus, each checked by an independent validator.

National identifiers are built from random birth dates and serials; their check digits come from
python-stdnum (``calc_check_digit`` where it has one, otherwise by trying every check character
against the module's ``is_valid``). Every generator asserts its result validates, so a wrong
generator fails loudly instead of planting an invalid "positive" into the gold labels.
The Hungarian TAJ and the Luxembourg matricule have no python-stdnum module: they follow the
algorithms in eu_rules.md §4 (both marked unverified there).

All values are random: none is known to belong to anyone.
"""

from __future__ import annotations

import datetime
import random
import string
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn, verhoeff
from stdnum.at import vnr
from stdnum.be import nn as be_nn
from stdnum.bg import egn
from stdnum.cz import rc as cz_rc
from stdnum.de import idnr
from stdnum.dk import cpr
from stdnum.ee import ik
from stdnum.es import dni, nie
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.gr import amka
from stdnum.hr import oib
from stdnum.ie import pps
from stdnum.it import codicefiscale
from stdnum.lt import asmens
from stdnum.lv import pvn
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.pt import nif as pt_nif_module
from stdnum.ro import cnp
from stdnum.se import personnummer
from stdnum.si import emso
from stdnum.sk import rc as sk_rc

DIGITS = string.digits
UPPER = string.ascii_uppercase

# ---------------------------------------------------------------------------------------------- helpers


def birth_date(rng: random.Random, start: int = 1940, end: int = 2007) -> datetime.date:
    first, last = datetime.date(start, 1, 1), datetime.date(end, 12, 31)
    return first + datetime.timedelta(days=rng.randrange((last - first).days))


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def complete(body_factory: Callable[[], str], alphabet: str, is_valid: Callable[[str], bool], tries: int = 200) -> str:
    """Append the check character(s) that make ``body`` valid, drawing new bodies until one works."""
    for _ in range(tries):
        body = body_factory()
        for check in _checks(alphabet):
            if is_valid(body + check):
                return body + check
    raise RuntimeError("could not build a valid identifier")  # a generator bug, not bad luck


def _checks(alphabet: str) -> list[str]:
    if alphabet == "00":  # two check digits
        return [f"{i:02d}" for i in range(100)]
    return list(alphabet)


# ------------------------------------------------------------------------------------- national IDs


def de_tax_id(rng: random.Random) -> str:
    def body() -> str:
        first = rng.choice("123456789")
        rest = rng.sample([d for d in DIGITS], 8)  # nine distinct digits, then one of them again
        ten = [first, *rest]
        ten.insert(rng.randrange(1, 10), rng.choice(ten))
        return "".join(ten)

    return complete(body, DIGITS, idnr.is_valid)


def at_svnr(rng: random.Random) -> str:
    def body() -> str:
        born = birth_date(rng)
        return rng.choice("123456789") + digits(rng, 2), born.strftime("%d%m%y")

    for _ in range(200):
        serial, born = body()
        for check in DIGITS:
            number = serial + check + born
            if vnr.is_valid(number):
                return number
    raise RuntimeError("could not build an Austrian SVNR")


def fr_nir(rng: random.Random) -> str:
    born = birth_date(rng)
    department = rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"])
    body = f"{rng.choice('12')}{born:%y}{born:%m}{department}{rng.randrange(1, 990):03d}{rng.randrange(1, 999):03d}"
    number = body + nir.calc_check_digits(body)
    assert nir.is_valid(number)
    return number


def be_national_number(rng: random.Random) -> str:
    def body() -> str:
        born = birth_date(rng, 1940, 1999)
        return f"{born:%y%m%d}{rng.randrange(1, 998):03d}"

    return complete(body, "00", be_nn.is_valid)


def nl_bsn(rng: random.Random) -> str:
    return complete(lambda: rng.choice("123456789") + digits(rng, 7), DIGITS, bsn.is_valid)


_CF_MONTHS = "ABCDEHLMPRST"
_CF_PLACES = ("H501", "F205", "L219", "G273", "F839", "A944", "D612", "L736", "C351", "E625", "B157", "L424")


def it_fiscal_code(rng: random.Random) -> str:
    born = birth_date(rng)
    day = born.day + (40 if rng.random() < 0.5 else 0)
    consonants = "BCDFGHJKLMNPQRSTVWXZ"
    letters = "".join(rng.choice(consonants) for _ in range(6))
    body = f"{letters}{born:%y}{_CF_MONTHS[born.month - 1]}{day:02d}{rng.choice(_CF_PLACES)}"
    number = body + codicefiscale.calc_check_digit(body)
    assert codicefiscale.is_valid(number)
    return number


def es_nif(rng: random.Random) -> str:
    body = f"{rng.randrange(1, 99_999_999):08d}"
    number = body + dni.calc_check_digit(body)
    assert dni.is_valid(number)
    return number


def es_nie(rng: random.Random) -> str:
    body = rng.choice("XYZ") + digits(rng, 7)
    number = body + nie.calc_check_digit(body)
    assert nie.is_valid(number)
    return number


def pt_nif(rng: random.Random) -> str:
    body = rng.choice("123") + digits(rng, 7)
    number = body + pt_nif_module.calc_check_digit(body)
    assert pt_nif_module.is_valid(number)
    return number


def pl_pesel(rng: random.Random) -> str:
    born = birth_date(rng)
    month = born.month + (20 if born.year >= 2000 else 0)
    body = f"{born:%y}{month:02d}{born:%d}{digits(rng, 4)}"
    number = body + pesel.calc_check_digit(body)
    assert pesel.is_valid(number)
    return number


def ie_ppsn(rng: random.Random) -> str:
    number = complete(lambda: digits(rng, 7), "ABCDEFGHIJKLMNOPQRSTUVW", pps.is_valid)
    if rng.random() < 0.3:  # the newer form ends in a second letter, which enters the check
        number = complete(lambda: digits(rng, 7), "ABCDEFGHIJKLMNOPQRSTUVW", lambda n: pps.is_valid(n + "A")) + "A"
    assert pps.is_valid(number)
    return number


def se_personnummer(rng: random.Random) -> str:
    def body() -> str:
        born = birth_date(rng)
        return f"{born:%y%m%d}-{digits(rng, 3)}"

    return complete(body, DIGITS, personnummer.is_valid)


def dk_cpr(rng: random.Random) -> str:
    def body() -> str:
        born = birth_date(rng)
        return f"{born:%d%m%y}-{digits(rng, 3)}"

    return complete(body, DIGITS, cpr.is_valid)


def fi_hetu(rng: random.Random) -> str:
    def body() -> str:
        born = birth_date(rng)
        century = "A" if born.year >= 2000 else "-"
        return f"{born:%d%m%y}{century}{rng.randrange(2, 900):03d}"

    return complete(body, DIGITS + "ABCDEFHJKLMNPRSTUVWXY", hetu.is_valid)


def _birth_number(rng: random.Random, module) -> str:
    def body() -> str:
        born = birth_date(rng, 1954, 2003)
        month = born.month + (50 if rng.random() < 0.5 else 0)
        return f"{born:%y}{month:02d}{born:%d}/{digits(rng, 3)}"

    return complete(body, DIGITS, module.is_valid)


def cz_birth_number(rng: random.Random) -> str:
    return _birth_number(rng, cz_rc)


def sk_birth_number(rng: random.Random) -> str:
    return _birth_number(rng, sk_rc)


_RO_COUNTIES = [f"{c:02d}" for c in range(1, 47)] + ["51", "52"]


def ro_cnp(rng: random.Random) -> str:
    born = birth_date(rng)
    sex = rng.choice("12") if born.year < 2000 else rng.choice("56")
    body = f"{sex}{born:%y%m%d}{rng.choice(_RO_COUNTIES)}{rng.randrange(1, 999):03d}"
    number = body + cnp.calc_check_digit(body)
    assert cnp.is_valid(number)
    return number


def hr_oib(rng: random.Random) -> str:
    return complete(lambda: rng.choice("123456789") + digits(rng, 9), DIGITS, oib.is_valid)


def bg_egn(rng: random.Random) -> str:
    born = birth_date(rng)
    month = born.month + (40 if born.year >= 2000 else 0)
    body = f"{born:%y}{month:02d}{born:%d}{digits(rng, 3)}"
    number = body + egn.calc_check_digit(body)
    assert egn.is_valid(number)
    return number


def _baltic(rng: random.Random, module) -> str:
    born = birth_date(rng)
    first = rng.choice("34") if born.year < 2000 else rng.choice("56")
    return complete(lambda: f"{first}{born:%y%m%d}{digits(rng, 3)}", DIGITS, module.is_valid)


def ee_isikukood(rng: random.Random) -> str:
    return _baltic(rng, ik)


def lt_asmens_kodas(rng: random.Random) -> str:
    return _baltic(rng, asmens)


def lv_personas_kods(rng: random.Random) -> str:
    def body() -> str:
        born = birth_date(rng, 1940, 1999)
        return f"{born:%d%m%y}-{rng.choice('01')}{digits(rng, 3)}"

    return complete(body, DIGITS, lambda n: pvn.is_valid(n.replace("-", "")))


def gr_amka(rng: random.Random) -> str:
    return complete(lambda: f"{birth_date(rng):%d%m%y}{digits(rng, 4)}", DIGITS, amka.is_valid)


def si_emso(rng: random.Random) -> str:
    born = birth_date(rng)
    body = f"{born:%d%m}{born.year % 1000:03d}50{rng.randrange(0, 1000):03d}"
    number = body + emso.calc_check_digit(body)
    assert emso.is_valid(number)
    return number


_TAJ_WEIGHTS = (3, 7, 3, 7, 3, 7, 3, 7)


def hu_taj(rng: random.Random) -> str:
    body = digits(rng, 8)
    check = sum(int(d) * w for d, w in zip(body, _TAJ_WEIGHTS, strict=True)) % 10
    return f"{body}{check}"


def lu_matricule(rng: random.Random) -> str:
    born = birth_date(rng)
    base = f"{born:%Y%m%d}{digits(rng, 3)}"
    return base + luhn.calc_check_digit(base) + verhoeff.calc_check_digit(base)


def mt_id_card(rng: random.Random) -> str:
    return f"{rng.randrange(1, 999_999):07d}{rng.choice('MGAPLH')}"


@dataclass(frozen=True)
class IdSpec:
    entity: str
    make: Callable[[random.Random], str]
    formats: tuple[Callable[[str], str], ...] = (lambda v: v,)


def _spaced_de(v: str) -> str:
    return f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}"


def _spaced_nir(v: str) -> str:
    return f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}"


def _dotted_be(v: str) -> str:
    return f"{v[:2]}.{v[2:4]}.{v[4:6]}-{v[6:9]}.{v[9:]}"


def _grouped_bsn(v: str) -> str:
    return f"{v[:4]}.{v[4:6]}.{v[6:]}"


def _spaced3(v: str) -> str:
    return " ".join(v[i : i + 3] for i in range(0, len(v), 3))


def _with_century(v: str) -> str:  # Swedish 12-digit form
    return ("19" if int(v[:2]) > 7 else "20") + v


def _spaced_at(v: str) -> str:
    return f"{v[:4]} {v[4:]}"


def _compact(v: str) -> str:
    return v.replace("-", "").replace("/", "")


ID_SPECS: dict[str, IdSpec] = {
    "DE_TAX_ID": IdSpec("DE_TAX_ID", de_tax_id, (lambda v: v, _spaced_de)),
    "AT_SVNR": IdSpec("AT_SVNR", at_svnr, (lambda v: v, _spaced_at)),
    "FR_NIR": IdSpec("FR_NIR", fr_nir, (lambda v: v, _spaced_nir)),
    "BE_NATIONAL_NUMBER": IdSpec("BE_NATIONAL_NUMBER", be_national_number, (lambda v: v, _dotted_be)),
    "NL_BSN": IdSpec("NL_BSN", nl_bsn, (lambda v: v, lambda v: v, _grouped_bsn)),
    "IT_FISCAL_CODE": IdSpec("IT_FISCAL_CODE", it_fiscal_code),
    "ES_NIF": IdSpec("ES_NIF", es_nif, (lambda v: v, lambda v: f"{v[:8]}-{v[8]}")),
    "ES_NIE": IdSpec("ES_NIE", es_nie, (lambda v: v, lambda v: f"{v[0]}-{v[1:8]}-{v[8]}")),
    "PT_NIF": IdSpec("PT_NIF", pt_nif, (lambda v: v, _spaced3)),
    "PL_PESEL": IdSpec("PL_PESEL", pl_pesel),
    "IE_PPSN": IdSpec("IE_PPSN", ie_ppsn),
    "SE_PERSONNUMMER": IdSpec("SE_PERSONNUMMER", se_personnummer, (lambda v: v, lambda v: v, _with_century)),
    "DK_CPR": IdSpec("DK_CPR", dk_cpr, (lambda v: v, lambda v: v, _compact)),
    "FI_PERSONAL_IDENTITY_CODE": IdSpec("FI_PERSONAL_IDENTITY_CODE", fi_hetu),
    "CZ_BIRTH_NUMBER": IdSpec("CZ_BIRTH_NUMBER", cz_birth_number),
    "SK_BIRTH_NUMBER": IdSpec("SK_BIRTH_NUMBER", sk_birth_number),
    "RO_CNP": IdSpec("RO_CNP", ro_cnp),
    "HR_OIB": IdSpec("HR_OIB", hr_oib),
    "BG_EGN": IdSpec("BG_EGN", bg_egn),
    "EE_ISIKUKOOD": IdSpec("EE_ISIKUKOOD", ee_isikukood),
    "LT_ASMENS_KODAS": IdSpec("LT_ASMENS_KODAS", lt_asmens_kodas),
    "LV_PERSONAS_KODS": IdSpec("LV_PERSONAS_KODS", lv_personas_kods),
    "GR_AMKA": IdSpec("GR_AMKA", gr_amka),
    "SI_EMSO": IdSpec("SI_EMSO", si_emso),
    "HU_TAJ": IdSpec("HU_TAJ", hu_taj, (lambda v: v, _spaced3)),
    "LU_MATRICULE": IdSpec("LU_MATRICULE", lu_matricule),
    "MT_ID_CARD": IdSpec("MT_ID_CARD", mt_id_card),
}


def national_id(rng: random.Random, entity: str) -> str:
    """A valid national identifier of type `entity`, in one of its usual written forms."""
    spec = ID_SPECS[entity]
    return rng.choice(spec.formats)(spec.make(rng))


# ------------------------------------------------------------------------------------------- IBANs

_BANK_LETTERS = {
    "NL": ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB"),
    "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
    "BG": ("BNBG", "UNCR", "STSA", "FINV"),
    "LV": ("HABA", "UNLA", "PARX", "RIKO"),
    "MT": ("MALT", "VALL", "APSB"),
    "RO": ("BTRL", "RNCB", "BRDE", "INGB"),
}
_STRUCT = std_iban._struct_re  # python-stdnum's own BBAN structure syntax (private, pinned version)


def _bban(rng: random.Random, country: str) -> str:
    info = std_iban._ibandb.info(country + "00")
    structure = info[0][1]["bban"]
    out = []
    for count, kind in _STRUCT.findall(structure):
        n = int(count)
        if kind == "a" and country in _BANK_LETTERS and not out:
            out.append(rng.choice(_BANK_LETTERS[country])[:n])
        elif kind == "a":
            out.append("".join(rng.choice(UPPER) for _ in range(n)))
        else:  # n or c: digits (account numbers are digits in practice)
            out.append(digits(rng, n))
    return "".join(out)


def _with_check(country: str, bban: str) -> str:
    return f"{country}{std_iban.calc_check_digits(country + '00' + bban)}{bban}"


def iban(rng: random.Random, country: str) -> str:
    """A valid IBAN of `country` (compact); Belgian and Spanish national check digits are made right too."""
    for _ in range(2000):
        bban = _bban(rng, country)
        if country == "BE":  # the last two digits: first ten mod 97 (97 for 0)
            bban = f"{bban[:10]}{int(bban[:10]) % 97 or 97:02d}"
        elif country == "ES":  # two control digits at positions 8-9 of the BBAN
            options = (bban[:8] + f"{c:02d}" + bban[10:] for c in range(100))
            bban = next((o for o in options if std_iban.is_valid(_with_check("ES", o))), None)
            if bban is None:
                continue
        number = _with_check(country, bban)
        if std_iban.is_valid(number):
            return number
    raise RuntimeError(f"could not build a valid {country} IBAN")


def format_iban(rng: random.Random, number: str) -> str:
    return std_iban.format(number) if rng.random() < 0.6 else number


def broken_iban(rng: random.Random, country: str) -> str:
    """IBAN-shaped (right country, length and layout) with a wrong mod-97 check."""
    good = iban(rng, country)
    while True:
        bad = f"{good[:2]}{rng.randrange(2, 99):02d}{good[4:]}"
        if not std_iban.is_valid(bad, check_country=False):
            return bad


# ------------------------------------------------------------------------------------------- cards

_TEST_BINS = (
    ("411111", 16),
    ("401288", 16),
    ("400005", 16),
    ("424242", 16),
    ("555555", 16),
    ("510510", 16),
    ("222300", 16),
    ("520082", 16),
    ("378282", 15),
    ("371449", 15),
    ("601111", 16),
)


def card_number(rng: random.Random) -> str:
    """A Luhn-valid number in a card-network test range, in a usual written form."""
    prefix, length = rng.choice(_TEST_BINS)
    body = prefix + digits(rng, length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(number)
    return format_card(rng, number)


def format_card(rng: random.Random, number: str) -> str:
    style = rng.random()
    if style < 0.35:
        return number
    sep = " " if style < 0.8 else "-"
    groups = (4, 6, 5) if len(number) == 15 else (4, 4, 4, 4)
    parts, i = [], 0
    for g in groups:
        parts.append(number[i : i + g])
        i += g
    return sep.join(parts)


def luhn_invalid(rng: random.Random, length: int = 16) -> str:
    body = digits(rng, length - 1)
    good = luhn.calc_check_digit(body)
    bad = str((int(good) + rng.randrange(1, 10)) % 10)
    return body + bad


# ------------------------------------------------------------------------------------------ phones


def phone_number(rng: random.Random, region: str, style: str | None = None) -> str:
    """A valid (per libphonenumber) mobile or fixed-line number of `region`, randomly written."""
    kind = rng.choice((phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE))
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    national = phonenumbers.national_significant_number(example)
    for attempt in range(600):
        keep = 1 if attempt < 300 else 3  # vary the number; fall back to keeping the area / mobile prefix
        candidate = national[:keep] + digits(rng, len(national) - keep)
        number = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if phonenumbers.is_valid_number(number):
            break
    else:
        number = example
    style = style or rng.choice(("international", "international", "e164", "national", "00"))
    if style == "e164":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if style == "national":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return "00" + text[1:] if style == "00" else text


# --------------------------------------------------------------------------------------- networks


def ipv4(rng: random.Random) -> str:
    first = rng.choice(
        (
            31,
            37,
            46,
            62,
            77,
            78,
            80,
            81,
            82,
            85,
            87,
            88,
            91,
            93,
            94,
            109,
            176,
            178,
            185,
            188,
            193,
            194,
            195,
            212,
            213,
            217,
            10,
            192,
        )
    )
    if first == 192:
        return f"192.168.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"
    return f"{first}.{rng.randrange(0, 256)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    prefix = rng.choice(("2a02:810d", "2a01:c22", "2001:16b8", "2a02:a03f", "2a01:e0a", "2003:e6"))
    return prefix + ":" + ":".join(f"{rng.randrange(0, 65536):x}" for _ in range(7 - prefix.count(":")))


def ip_address(rng: random.Random) -> str:
    return ipv6(rng) if rng.random() < 0.2 else ipv4(rng)


def password(rng: random.Random) -> str:
    words = ("Sunshine", "Dragon", "Berlin", "Summer", "Kaffee", "Soleil", "Lampone", "Tulpen", "Falcon", "Morena")
    return rng.choice(words) + str(rng.randrange(10, 2030)) + rng.choice("!?#$%&*")
