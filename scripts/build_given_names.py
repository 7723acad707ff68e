"""Rebuild the list of given names that engine/name_cues.py reads
(layers/privscan/privscan/engine/conf/names/given.txt) from the first-name lists of Faker's person providers (MIT).

    python scripts/build_given_names.py
    python scripts/build_given_names.py --out layers/privscan/privscan/engine/conf/names/given.txt

Every first name of the locales below, split at spaces (``Hans Peter`` gives ``hans`` and ``peter``), lower case,
kept when it is written in letters (an inner hyphen or apostrophe allowed), is at least three letters long and is
not also the name of a country, region or well-known city (PLACES: ``Georgia``, ``India``, ``Florence``), where a
capitalised word after it is more often a place than a surname. Names of any of the languages are kept for every
language: a German text names English and Spanish people too. Deterministic (sorted), for the Faker version in
uv.lock.
"""

from __future__ import annotations

import argparse
import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "layers" / "privscan" / "privscan" / "engine" / "conf" / "names" / "given.txt"
LOCALES = (
    "de_DE",
    "de_AT",
    "de_CH",
    "en_US",
    "en_GB",
    "en_IE",
    "fr_FR",
    "fr_BE",
    "fr_CH",
    "es_ES",
    "it_IT",
    "nl_NL",
    "nl_BE",
    "pt_PT",
    "pt_BR",
)
WORD = re.compile(r"[^\W\d_]{3,}(?:['’-][^\W\d_]+)*")
PLACES = frozenset(
    """
    africa alexandria america asia austin brooklyn carolina chelsea dakota florence florida georgia
    india jordan lourdes madison paris regina santiago savannah sydney valencia victoria virginia
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def given_names() -> list[str]:
    """The given names of LOCALES, lower case, filtered as the module docstring says, sorted."""
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            for name in getattr(provider, attribute, ()):
                names.update(part.casefold() for part in str(name).split() if WORD.fullmatch(part))
    return sorted(names - PLACES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = given_names()
    args.out.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"{len(names)} given names -> {args.out}")


if __name__ == "__main__":
    main()
