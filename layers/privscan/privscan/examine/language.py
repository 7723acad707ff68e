"""Which language a record is written in: a small offline identifier by function words.

`detect_language(text)` is the one entry point the examination uses, so that a better identifier can
replace this one without touching anything else. It knows the EU's most used languages written in Latin
script by their commonest function words, and Greek and Bulgarian by their script; it answers None when a
text has too few words to tell.
"""

from __future__ import annotations

import re
from collections import Counter

_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_HITS = 2  # function words needed to name a language
_STOPWORDS = {
    "en": "the and of to in is that it for was on with as are be this by have not you at from or but they which",
    "de": "der die und das ist nicht ein eine zu den mit von auf für sich dem des im auch es ich wir sie wird",
    "fr": "le la les et est des une un du dans pour pas que qui sur au avec ce il elle nous vous sont par",
    "es": "el la los las y es del que en un una por con para no se su al lo como más pero sus",
    "it": "il la di che e è un una per non sono del della con gli le si nel alla anche come ma",
    "nl": "de het een en van is dat niet op te zijn voor met die er ook aan bij worden wordt ik",
    "pl": "i w na nie się z do że jest to jak po co ale od przez dla tak są oraz jego",
    "pt": "o a os as e de do da que em um uma para não com por mais se no na dos das é",
    "sv": "och att det är som en på av för med till den har inte jag om ett var de",
    "da": "og at det er som en på af for med til den har ikke jeg om et var de",
    "fi": "ja on ei se että hän oli mutta kun niin tai myös ovat joka ole mitä vain",
    "cs": "a je se na v že to s z do jak ale jsou pro by jsem tak který",
    "ro": "și în de la cu un o este că nu pe din care pentru mai sunt ce",
    "hu": "a az és hogy nem is egy van meg de csak már mint volt ez el",
}
STOPWORDS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}  # function word -> the languages it belongs to
for _lang, _words in STOPWORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
_GREEK = re.compile(r"[\u0370-\u03ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MAX_CHARS = 2000  # the start of a record is enough


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when it cannot tell."""
    text = text[:MAX_CHARS]
    words = _WORDS.findall(text.casefold())
    letters = sum(map(len, words))
    if letters < 10:
        return None
    if len(_GREEK.findall(text)) > letters / 2:
        return "el"
    if len(_CYRILLIC.findall(text)) > letters / 2:
        return "bg"
    scores: Counter = Counter()
    for word in words:
        scores.update(_LANGUAGES_OF.get(word, ()))
    ranked = scores.most_common(2) + [("", 0), ("", 0)]
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < MIN_HITS or hits == second:
        return None
    return best
