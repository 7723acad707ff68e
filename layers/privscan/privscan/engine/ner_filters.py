"""False PERSON / LOCATION findings of NER that the text's language tells apart: greetings, the words for AI and
assistants, days and months (``Salut``, ``Bonne``, ``KI``, ``IA``, ``Juli``), listed per language in
`engine/conf/ner_filters.yaml`.

A PERSON or LOCATION span made only of listed words is no name; listed words at either end of a span are
cut off it (``Salut Marie`` → ``Marie``). A text of unknown language gets every language's list.

A text in a language that has no NER model of its own gets the English model, which reads every
capitalised word of another language as a name. For such a text, `foreign_plausible` keeps only spans
written like names in any European language: the first and last words capitalised, the others too but
name particles (``de``, ``van``, ``von``), and not a lone word opening a sentence, where every language capitalises.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from privscan.engine.yamlio import load_yaml

FILTERED_ENTITIES = frozenset({"PERSON", "LOCATION"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Lower-case words inside names and places: family-name particles and the articles of place names.
NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "des",
        "la",
        "le",
        "lo",
        "los",
        "las",
        "van",
        "von",
        "der",
        "den",
        "ten",
        "ter",
        "te",
        "zu",
        "zum",
        "zur",
        "am",
        "im",
        "op",
        "y",
        "e",
        "i",
        "d'",
        "l'",
        "dell'",
        "degli",
    ]
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[\s\"'«»„“”‘’(¡¿-]*$")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    text = resources.files("privscan.engine.conf").joinpath("ner_filters.yaml").read_text(encoding="utf-8")
    return {language: frozenset(str(word).casefold() for word in words) for language, words in load_yaml(text).items()}


@lru_cache(maxsize=64)
def filter_words(language: str | None) -> frozenset[str]:
    """The words never a name or place on their own in `language`; every list for None (unknown language)."""
    lists = _lists()
    if language is None:
        return frozenset().union(*lists.values())
    return lists.get(language, frozenset())


def _listed(word: str, words: frozenset[str]) -> bool:
    folded = word.casefold().replace("’", "'")
    return folded in words or all(part in words for part in folded.split("-"))


def trim(entity_type: str, text: str, start: int, end: int, language: str | None) -> tuple[int, int] | None:
    """The span of a PERSON / LOCATION finding without the language's listed words at its ends; None when nothing
    else is left. Other entity types, and spans with no listed word at an end, come back unchanged."""
    if entity_type not in FILTERED_ENTITIES:
        return start, end
    words = filter_words(language)
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    first, last = 0, len(tokens)
    while first < last and _listed(tokens[first][2], words):
        first += 1
    while last > first and _listed(tokens[last - 1][2], words):
        last -= 1
    if first == last:
        return None
    if first == 0 and last == len(tokens):
        return start, end
    return tokens[first][0], tokens[last - 1][1]


def foreign_plausible(entity_type: str, text: str, start: int, end: int) -> bool:
    """Whether an English-model PERSON / LOCATION span in a text of another language, which has no model of its
    own, is written like a name: each word capitalised or a name particle, and not one word opening a sentence."""
    if entity_type not in FILTERED_ENTITIES:
        return True
    words = text[start:end].split()
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    if not all(word[0].isupper() or word.casefold() in NAME_PARTICLES for word in words):
        return False
    return len(words) > 1 or _SENTENCE_START.search(text, 0, start) is None
