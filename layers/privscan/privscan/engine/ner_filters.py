"""False PERSON / LOCATION findings of NER that the text's language tells apart: greetings, the words for AI and
assistants, days and months (``Salut``, ``Bonne``, ``KI``, ``IA``, ``Juli``), listed per language in
`engine/conf/ner_filters.yaml`.

A PERSON or LOCATION span made only of listed words is no name; listed words at either end of a span are
cut off it (``Salut Marie`` → ``Marie``). A text of unknown language gets every language's list.

What is left of a span is also dropped when it is one word that the language's common words
(`engine/conf/common_words/<lang>.txt`: frequent forms that treebanks of the language almost never tag as
a proper noun, built by scripts/build_common_words.py) hold, unless its context says name: a title or
honorific before it (``Herr Wolf``, ``Mme Blanc``), a preposition of place before a LOCATION (``in
Essen``), or a capitalised word next to it that is no listed or common word (``Christa Wolf``). In a
language that capitalises only names (not German), a capitalised common word inside a sentence is context
enough. A text of unknown language gets no common words: a lone cell such as ``Mark`` or ``Rosa`` keeps
its name.

A text in a language that has no NER model of its own gets the English model, which reads every
capitalised word of another language as a name. For such a text, `foreign_span` keeps only the part of a
span written like a name in any European language: capitalised words and name particles (``de``,
``van``, ``von``) after the span's last lower-case word, and not a lone word opening a sentence, where
every language capitalises.
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
# Titles and honorifics that make the next word a name, in the languages privscan reads (lower case, no dot).
TITLES = frozenset(
    """
    herr herrn herren hrn frau fräulein dr prof professor professorin doktor onkel tante oma opa
    mr mrs ms messrs miss sir madam dame lady lord uncle aunt
    monsieur madame mademoiselle m mme mlle maître docteur oncle
    señor señora señorita sr sra srta don doña tío tía dra
    signor signore signora signorina sig dott dottor dottore dottoressa zio zia
    meneer mevrouw juffrouw dhr mevr mw heer oom
    senhor senhora senhorita dona dom tio
    pan pani
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Prepositions of place and direction that make the next word a place (LOCATION only): "in Essen", "nach Halle".
PLACE_PREPOSITIONS = frozenset(
    """
    in nach aus bei ab bis von
    à en de depuis vers
    desde hacia
    a da di
    naar uit bij van
    em para
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Languages that capitalise every noun: there a capital letter inside a sentence says nothing of a name.
NOUN_CAPITALISING = frozenset({"de"})
_SPACE_FREE = re.compile(r"\S+")
_CONTEXT_CHARS = 64  # how far back the word before a span, or the end of the sentence before it, is looked for
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:['’-][^\W\d_]+)*)\.?[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+(?:['’-][^\W\d_]+)*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[\s\"'«»„“”‘’(¡¿-]*$")
# Names of the European Union's groups of states that read like places but name no place: never a LOCATION.
NO_PLACES = frozenset({"member states", "member state", "the member states", "the member state"})
# German adjectives of places and peoples in lower case (``europäischen``, ``französische``): never a name.
_GERMAN_ADJECTIVE = re.compile(r"[^\W\d_A-ZÄÖÜ]+isch(?:e|en|er|es|em)?")


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


@lru_cache(maxsize=16)
def common_words(language: str | None) -> frozenset[str]:
    """The language's common words that are never a name alone; none for an unknown language or one
    without a list."""
    if language is None or not language.isalpha():
        return frozenset()
    path = resources.files("privscan.engine.conf").joinpath("common_words", f"{language}.txt")
    if not path.is_file():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


def _name_word(word: str, language: str | None) -> bool:
    """A capitalised word that is neither a listed word nor a common word of the language."""
    folded = word.casefold()
    return word[0].isupper() and not _listed(word, filter_words(language)) and folded not in common_words(language)


def _named_by_context(
    entity_type: str, text: str, start: int, end: int, language: str | None, foreign: bool = False
) -> bool:
    """Whether the words around text[start:end] make it a name: a title before it (a preposition of place
    before a LOCATION), a name-like word next to it, or (in a language that capitalises only names) a capital
    letter inside a sentence. Not the capital when the English model read the text (`foreign`): it tags the
    capitalised institutions of the language (``Parlamento``, ``Commissione``) as persons."""
    window = max(0, start - _CONTEXT_CHARS)
    before = _WORD_BEFORE.search(text, window, start)
    if before is not None:
        word = before.group(1)
        cues = PLACE_PREPOSITIONS if entity_type == "LOCATION" else TITLES
        if word.casefold() in cues or _name_word(word, language):
            return True
    after = _WORD_AFTER.match(text, end)
    if after is not None and _name_word(after.group(1), language):
        return True
    return (
        language not in NOUN_CAPITALISING
        and not foreign
        and text[start].isupper()
        and _SENTENCE_START.search(text, window, start) is None
    )


def common_alone(
    entity_type: str, text: str, start: int, end: int, language: str | None, foreign: bool = False
) -> bool:
    """Whether the one word text[start:end] is a common word of the language that its context does not
    make a name (or, for a LOCATION, a place)."""
    return text[start:end].casefold() in common_words(language) and not _named_by_context(
        entity_type, text, start, end, language, foreign
    )


def _listed(word: str, words: frozenset[str]) -> bool:
    folded = word.casefold().replace("’", "'")
    return folded in words or all(part in words for part in folded.split("-"))


def trim(
    entity_type: str, text: str, start: int, end: int, language: str | None, foreign: bool = False
) -> tuple[int, int] | None:
    """The span of a PERSON / LOCATION finding without the language's listed words at its ends; None when nothing
    else is left, or only one common word of the language that its context does not make a name, or in German one
    adjective in lower case (``europäischen``), or for a LOCATION a group of states (``the Member States``). Other
    entity types, and spans with no listed word at an end, come back unchanged. `foreign`: the English model read a
    text of another language (`_named_by_context`)."""
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
    if last - first == 1 and language in NOUN_CAPITALISING and _GERMAN_ADJECTIVE.fullmatch(tokens[first][2]):
        return None
    if entity_type == "LOCATION" and " ".join(t[2] for t in tokens[first:last]).casefold() in NO_PLACES:
        return None
    if last - first == 1 and common_alone(entity_type, text, tokens[first][0], tokens[first][1], language, foreign):
        return None
    if first == 0 and last == len(tokens):
        return start, end
    return tokens[first][0], tokens[last - 1][1]


def foreign_span(entity_type: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of an English-model PERSON / LOCATION span, in a text of another language that has no model of its
    own, that is written like a name; None when no part is.

    The English model glues the words before a name onto it (``bin Lena``, ``Hier ist Theo``): the span is cut
    after its last lower-case word that is no name particle. What is left must end in a capitalised word and
    not be one word opening a sentence, where every language capitalises.
    """
    if entity_type not in FILTERED_ENTITIES:
        return start, end
    words = [(m.start(), m.end()) for m in _SPACE_FREE.finditer(text, start, end)]
    keep = 0
    for index, (word_start, word_end) in enumerate(words):
        word = text[word_start:word_end]
        if not word[0].isupper() and word.casefold() not in NAME_PARTICLES:
            keep = index + 1
    words = words[keep:]
    while words and not text[words[0][0]].isupper():  # a particle left at the front goes too: "de Vries" → "Vries"
        words = words[1:]
    if not words or not text[words[-1][0]].isupper():
        return None
    if len(words) == 1 and _SENTENCE_START.search(text, 0, words[0][0]) is not None:
        return None
    return words[0][0], words[-1][1]
