"""Rebuild the per-language lists of common words that are never a name alone
(layers/privscan/privscan/engine/conf/common_words/<lang>.txt) from Universal Dependencies treebanks.

    python scripts/build_common_words.py --sources /work/.mirror        # default
    python scripts/build_common_words.py --sources DIR --out layers/privscan/privscan/engine/conf/common_words

`--sources` holds one git repository per treebank, named ``<owner>+<name>`` (a clone, or a directory with the
clone in ``repo/``). Each file is read at the pinned commit below with ``git show``, so the output does not
depend on what else the clone holds.

A word form (lower case) is listed when, over the language's files, it occurs at least MIN_COUNT times as a
common word (NOUN VERB ADJ ADV PRON DET ADP AUX CCONJ SCONJ INTJ NUM), at most MAX_PROPN_SHARE of its
occurrences are tagged PROPN, it is written in letters (inner hyphen or apostrophe allowed) and is at least two
letters long, and it is not a given name of the language (Faker's first-name lists for the language's locales):
a lone given name that is also a word (``Rosa``, ``Mark``) stays a name. The TOP most frequent such forms are
kept, written in alphabetical order. Deterministic: the same sources give byte-identical files.
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

COMMON_TAGS = frozenset(["NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "INTJ", "NUM"])
MIN_COUNT = 2
MAX_PROPN_SHARE = 0.02
TOP = 4000
WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*|[^\W\d_](?:['’-][^\W\d_]+)+")


@dataclass(frozen=True)
class Treebank:
    language: str
    repo: str
    commit: str
    paths: tuple[str, ...]


# The train splits of these treebanks were not in the available snapshots; their dev and test splits (and the
# PUD test sets) are no evaluation split of this project. Licences: README in the output directory.
TREEBANKS = (
    Treebank(
        "de",
        "UniversalDependencies/UD_German-GSD",
        "297fcf350481058d0737a27f0f8fd03b2eadd67a",
        ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"),
    ),
    Treebank(
        "de",
        "UniversalDependencies/UD_German-PUD",
        "ff80846ae60a0a70fc4d6251ef73e6a483a620ee",
        ("de_pud-ud-test.conllu",),
    ),
    Treebank(
        "fr",
        "UniversalDependencies/UD_French-GSD",
        "830e2782304af08b3cc1c9250475343e04274d81",
        ("fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"),
    ),
    Treebank(
        "fr",
        "UniversalDependencies/UD_French-PUD",
        "c245786cfb3020d43bcfc96215ae531a1b07bcbc",
        ("fr_pud-ud-test.conllu",),
    ),
    Treebank(
        "nl",
        "UniversalDependencies/UD_Dutch-Alpino",
        "95e374a608d114ec6c6b32f0fbd5f324d29ef286",
        ("nl_alpino-ud-dev.conllu", "nl_alpino-ud-test.conllu"),
    ),
    Treebank(
        "nl",
        "UniversalDependencies/UD_Dutch-LassySmall",
        "7880e0bc4c8138607c8e9724db2294dc89d4e2b5",
        ("nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu"),
    ),
    Treebank(
        "pt",
        "UniversalDependencies/UD_Portuguese-GSD",
        "691a8b597cc37e1c822ba808244c8eaca498eeb2",
        ("pt_gsd-ud-dev.conllu", "pt_gsd-ud-test.conllu"),
    ),
    Treebank(
        "pt",
        "UniversalDependencies/UD_Portuguese-PUD",
        "be08a756d76bd79bf5d4a492dfdc28b46b33e76e",
        ("pt_pud-ud-test.conllu",),
    ),
    Treebank(
        "es",
        "UniversalDependencies/UD_Spanish-GSD",
        "57c045644664e5c1e169263cc4e3b95e40c078ba",
        ("es_gsd-ud-dev.conllu", "es_gsd-ud-test.conllu"),
    ),
    Treebank(
        "es",
        "UniversalDependencies/UD_Spanish-PUD",
        "818a82b8628c9cbec78750c7e83ccba34b9ce22b",
        ("es_pud-ud-test.conllu",),
    ),
    Treebank(
        "it",
        "UniversalDependencies/UD_Italian-ParlaMint",
        "fb2c561fb1824ccf28f7dd7228d6d69a5b0e1394",
        ("it_parlamint-ud-train.conllu", "it_parlamint-ud-test.conllu"),
    ),
    Treebank(
        "it",
        "UniversalDependencies/UD_Italian-PUD",
        "71d932aa096368331ba2fd9bc906ec8dd853da8e",
        ("it_pud-ud-test.conllu",),
    ),
)

# Faker person providers whose first-name lists are the language's given names.
NAME_LOCALES = {
    "de": ("de_DE", "de_AT", "de_CH"),
    "fr": ("fr_FR", "fr_CH", "fr_CA"),
    "nl": ("nl_NL", "nl_BE"),
    "pt": ("pt_PT", "pt_BR"),
    "es": ("es_ES", "es_MX", "es_AR"),
    "it": ("it_IT",),
}


def git_show(sources: Path, repo: str, commit: str, path: str) -> str:
    """One file of a source repository at a commit."""
    root = sources / repo.replace("/", "+")
    if (root / "repo").exists():
        root = root / "repo"
    return subprocess.run(
        ["git", "-C", str(root), "show", f"{commit}:{path}"], check=True, capture_output=True, text=True
    ).stdout


def count_forms(text: str, common: Counter, proper: Counter) -> None:
    """Count each lower-cased form's common-word and PROPN occurrences in a CoNLL-U text."""
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4 or not cols[0].isdigit():  # multiword-token ranges and empty nodes
            continue
        form, upos = cols[1].casefold(), cols[3]
        if upos == "PROPN":
            proper[form] += 1
        elif upos in COMMON_TAGS:
            common[form] += 1


def given_names(language: str) -> frozenset[str]:
    """The given names of Faker's person providers for the language's locales, lower case."""
    names: set[str] = set()
    for locale in NAME_LOCALES.get(language, ()):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names.update(str(name).casefold() for name in getattr(provider, attribute, ()))
    return frozenset(names)


def common_words(common: Counter, proper: Counter, names: frozenset[str]) -> list[str]:
    """The TOP most frequent forms that are (almost) never PROPN, alphabetical."""
    eligible = [
        (count, form)
        for form, count in common.items()
        if count >= MIN_COUNT
        and proper[form] <= MAX_PROPN_SHARE * (count + proper[form])
        and WORD.fullmatch(form)
        and form not in names
    ]
    eligible.sort(key=lambda item: (-item[0], item[1]))
    return sorted(form for _, form in eligible[:TOP])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=Path("/work/.mirror"))
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "layers/privscan/privscan/engine/conf/common_words",
    )
    args = parser.parse_args()
    languages = sorted({treebank.language for treebank in TREEBANKS})
    for language in languages:
        common: Counter = Counter()
        proper: Counter = Counter()
        for treebank in (t for t in TREEBANKS if t.language == language):
            for path in treebank.paths:
                count_forms(git_show(args.sources, treebank.repo, treebank.commit, path), common, proper)
        words = common_words(common, proper, given_names(language))
        (args.out / f"{language}.txt").write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
        print(f"{language}: {len(words)} words from {sum(common.values()) + sum(proper.values())} tokens")


if __name__ == "__main__":
    main()
