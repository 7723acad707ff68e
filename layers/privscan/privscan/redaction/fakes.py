"""Realistic invented values, one per real value under one key: the same e-mail address becomes the same
invented address in every file of a dataset, so joins and counts survive redaction.

Each fake is drawn from a random generator seeded by a keyed hash of the entity type and the normalised
value (engine/masking.py), so nothing of the value can be read back from its fake without the key. The
generators are small and built in (no Faker at runtime): names from short lists of common European given
and family names, e-mail addresses at reserved example domains, IP addresses from the documentation
ranges, IBANs and card numbers with valid check digits, and for every other type a value of the same
shape (each digit, letter and case replaced, separators kept).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from stdnum import luhn
from stdnum.iso7064 import mod_97_10

from privscan.engine.masking import Fingerprinter, normalise

GIVEN = [
    "Alma",
    "Bruno",
    "Clara",
    "Dario",
    "Elin",
    "Felix",
    "Greta",
    "Hannes",
    "Ines",
    "Jakob",
    "Karin",
    "Leon",
    "Mira",
    "Nils",
    "Olga",
    "Pavel",
    "Rosa",
    "Sven",
    "Tilda",
    "Ugo",
    "Vera",
    "Wim",
    "Zofia",
    "Emil",
    "Lotte",
    "Marta",
    "Oskar",
    "Paula",
    "Rui",
    "Sara",
    "Timo",
    "Nora",
    "Aleks",
    "Ida",
    "Joost",
    "Lena",
    "Marek",
    "Nina",
    "Piet",
    "Selma",
]
FAMILY = [
    "Albers",
    "Berger",
    "Castro",
    "Dekker",
    "Eriksen",
    "Ferreira",
    "Gruber",
    "Horvat",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moretti",
    "Novak",
    "Olsen",
    "Petrov",
    "Quintana",
    "Romano",
    "Santos",
    "Tamm",
    "Urban",
    "Vogel",
    "Wagner",
    "Young",
    "Zeman",
    "Brandt",
    "Costa",
    "Dumont",
    "Esposito",
    "Fontaine",
    "Graf",
    "Haas",
    "Keller",
    "Lambert",
    "Marino",
    "Nowak",
    "Peeters",
    "Richter",
    "Simon",
    "Varga",
]
CITIES = [
    "Aarhus",
    "Bilbao",
    "Brno",
    "Cork",
    "Debrecen",
    "Eindhoven",
    "Espoo",
    "Gdansk",
    "Graz",
    "Kaunas",
    "Leuven",
    "Linz",
    "Lyon",
    "Malmo",
    "Nantes",
    "Porto",
    "Rijeka",
    "Salzburg",
    "Tartu",
    "Turin",
    "Utrecht",
    "Varna",
    "Zaragoza",
]
GROUPS = [
    "Austrian",
    "Belgian",
    "Croatian",
    "Danish",
    "Estonian",
    "Finnish",
    "Greek",
    "Irish",
    "Latvian",
    "Maltese",
    "Slovak",
    "Slovenian",
]
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")  # reserved (RFC 2606): no one's address
DOCUMENTATION_NETS = ("192.0.2", "198.51.100", "203.0.113")  # reserved for documentation (RFC 5737)


def _shaped(rng: random.Random, value: str, keep_first: int = 0) -> str:
    """`value` with each ASCII letter and digit replaced by a random one of its kind and case (the first
    `keep_first` characters kept); the first digit replaced is not a zero."""
    out, first = [], True
    for i, ch in enumerate(value):
        if i < keep_first or not ch.isascii() or not ch.isalnum():
            out.append(ch)
        elif ch.isdigit():
            out.append(rng.choice(string.digits[1:] if first else string.digits))
            first = False
        elif ch.isupper():
            out.append(rng.choice(string.ascii_uppercase))
        else:
            out.append(rng.choice(string.ascii_lowercase))
    return "".join(out)


def _person(rng: random.Random, value: str) -> str:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    return given if len(value.split()) == 1 else f"{given} {family}"


def _email(rng: random.Random, _value: str) -> str:
    return f"{rng.choice(GIVEN).lower()}.{rng.choice(FAMILY).lower()}@{rng.choice(EXAMPLE_DOMAINS)}"


def _phone(rng: random.Random, value: str) -> str:
    """The number's shape, its international prefix (``+49``) kept."""
    keep = 0
    if value.startswith("+"):
        keep = 1 + len(value[1:].split(" ", 1)[0]) if " " in value else 3
    return _shaped(rng, value, keep)


def _iban(rng: random.Random, value: str) -> str:
    """Same country, same length and grouping, new account number, valid check digits."""
    compact = "".join(ch for ch in value if ch.isalnum()).upper()
    if len(compact) < 5 or not compact[:2].isalpha():
        return _shaped(rng, value)
    bban = _shaped(rng, compact[4:])
    check = mod_97_10.calc_check_digits(bban + compact[:2])
    return _regroup(compact[:2] + check + bban, value)


def _card(rng: random.Random, value: str) -> str:
    """A number of the same length and grouping whose Luhn check digit is valid."""
    digits = [ch for ch in value if ch.isdigit()]
    if len(digits) < 2:
        return _shaped(rng, value)
    body = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in digits[2:])
    return _regroup(body + luhn.calc_check_digit(body), value)


def _regroup(compact: str, like: str) -> str:
    """`compact`'s characters laid out in `like`'s grouping (its separators where they were)."""
    chars = iter(compact)
    return "".join(ch if not ch.isalnum() else next(chars, "") for ch in like)


def _ip(rng: random.Random, value: str) -> str:
    if ":" in value:
        return f"2001:db8::{rng.randrange(1, 0xFFFF):x}"  # the IPv6 documentation prefix (RFC 3849)
    return f"{rng.choice(DOCUMENTATION_NETS)}.{rng.randint(1, 254)}"


def _url(rng: random.Random, _value: str) -> str:
    return f"https://www.{rng.choice(EXAMPLE_DOMAINS)}/{''.join(rng.choices(string.ascii_lowercase, k=8))}"


GENERATORS: dict[str, Callable[[random.Random, str], str]] = {
    "PERSON": _person,
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "IBAN_CODE": _iban,
    "CREDIT_CARD": _card,
    "IP_ADDRESS": _ip,
    "URL": _url,
    "LOCATION": lambda rng, _value: rng.choice(CITIES),
    "NRP": lambda rng, _value: rng.choice(GROUPS),
}


class FakeValues:
    """Fakes under one fingerprint key: `fake(entity_type, value)` is the same for the same value and key."""

    def __init__(self, fingerprinter: Fingerprinter):
        self.fingerprint = fingerprinter

    def fake(self, entity_type: str, value: str) -> str:
        seed = self.fingerprint.token(f"fake:{entity_type}:{normalise(entity_type, value)}")
        rng = random.Random(int(seed, 16))
        return GENERATORS.get(entity_type, _shaped)(rng, value)
