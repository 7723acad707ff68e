"""Rebuild the list of country and continent names that engine/name_cues.py reads
(layers/privscan/privscan/engine/conf/places/territories.tsv) from the territory names of the Unicode CLDR
(Unicode licence V3).

    python scripts/build_places.py --cldr DIR
    python scripts/build_places.py --cldr DIR --out layers/privscan/privscan/engine/conf/places/territories.tsv

`DIR` is a git clone of unicode-org/cldr-json; each file is read at the pinned commit with `git show`. Per
language (LANGUAGES), the names of the countries and territories (two-letter codes, with their short and variant
forms), of the continents and large regions (REGIONS: ``Europa``, ``Europa orientale``) and of the nations of
the United Kingdom (SUBDIVISIONS, from `cldr-subdivisions-full`: ``Galles``, ``Escocia``) are kept, except
names of no place (the EU, the euro area, the UN, pseudo-locales, "unknown region"), names written in capitals
only (``USA``, ``UK``: codes, which the models and the patterns handle), names with brackets or digits, and
names that people bear too (PEOPLE: ``Jordan``, ``Chad``). The
output is one ``<language>\\t<name>`` line per name, sorted, deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "layers" / "privscan" / "privscan" / "engine" / "conf" / "places" / "territories.tsv"
COMMIT = "b08a82b582f1120d630d623f9e5073316741574d"
LANGUAGES = ("de", "en", "es", "fr", "it", "nl", "pt")
# Continents and large regions: Africa, Oceania, the Americas (North, South, Central, Latin), Asia, Europe and
# its four parts, the Caribbean.
REGIONS = frozenset({"002", "003", "005", "009", "013", "019", "021", "029", "142", "150", "151", "154", "155", "419"})
# Subdivisions named in every language's CLDR table: the nations of the United Kingdom.
SUBDIVISIONS = ("gbeng", "gbsct", "gbwls")
NO_PLACE = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# Country names that are also people's given names or surnames (``Jordan``, ``Chad``, ``Maurice``): a person
# called so is more likely than the country where nothing else says place.
PEOPLE = frozenset({"Chad", "Dominica", "Georgia", "India", "Israel", "Jordan", "Maurice", "Montserrat"})
_CODE = re.compile(r"([A-Z]{2}|\d{3})(?:-alt-(?:short|variant))?")
_NAME = re.compile(r"[^\W\d_]+(?:['’.\- ][^\W\d_]+)*\.?")


def names(territories: dict[str, str]) -> set[str]:
    """The place names of one language's CLDR territory table."""
    kept = set()
    for key, name in territories.items():
        match = _CODE.fullmatch(key)
        if match is None or match.group(1) in NO_PLACE:
            continue
        if match.group(1).isdigit() and match.group(1) not in REGIONS:
            continue
        if name in PEOPLE:
            continue
        if _NAME.fullmatch(name) and any(ch.islower() for ch in name) and name[0].isupper():
            kept.add(name)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldr", type=Path, required=True, help="a git clone of unicode-org/cldr-json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lines = []
    for language in LANGUAGES:
        path = f"cldr-json/cldr-localenames-full/main/{language}/territories.json"
        text = subprocess.run(
            ["git", "-C", str(args.cldr), "show", f"{COMMIT}:{path}"], check=True, capture_output=True, text=True
        ).stdout
        table = json.loads(text)["main"][language]["localeDisplayNames"]["territories"]
        path = f"cldr-json/cldr-subdivisions-full/subdivisions/{language}/{language}.json"
        text = subprocess.run(
            ["git", "-C", str(args.cldr), "show", f"{COMMIT}:{path}"], check=True, capture_output=True, text=True
        ).stdout
        subdivisions = json.loads(text)["subdivisions"]["localeDisplayNames"]["subdivisions"]
        kept = names(table) | {subdivisions[code] for code in SUBDIVISIONS if code in subdivisions}
        lines += [f"{language}\t{name}" for name in sorted(kept)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {args.out}")


if __name__ == "__main__":
    main()
