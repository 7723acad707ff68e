"""Which recognizers can possibly match a text, from features that cost one pass over it.

Most EU identifiers need at least six digits, an e-mail needs an ``@``, an MRZ
needs ``<<``. Asking Presidio for only the entities a text can hold skips most
recognizers on most values, without changing what is found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

NER_ENTITIES = frozenset({"PERSON", "LOCATION", "NRP"})


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """Cheap facts about a text (length, digits, letters, ...) that tell which recognizers could possibly match it."""

    length: int
    digits: int
    letters: bool
    at: bool
    dot: bool
    colon: bool
    chevrons: bool

    @classmethod
    def of(cls, text: str) -> TextFeatures:
        """The features of one text, in one pass."""
        return cls(
            length=len(text),
            digits=sum(ch.isdigit() for ch in text),
            letters=any(ch.isalpha() for ch in text),
            at="@" in text,
            dot="." in text,
            colon=":" in text,
            chevrons="<<" in text,
        )


Need = Callable[[TextFeatures], bool]


def _min_digits(n: int) -> Need:
    return lambda f: f.digits >= n


NEEDS: dict[str, Need] = {
    "EMAIL_ADDRESS": lambda f: f.at,
    "URL": lambda f: f.dot,
    "IP_ADDRESS": lambda f: f.dot or f.colon,
    "MRZ": lambda f: f.chevrons,
    "IT_FISCAL_CODE": lambda f: f.length >= 16,
    "MT_ID_CARD": _min_digits(3),
    "CRYPTO": lambda f: f.length >= 26,
    "AWS_ACCESS_KEY": lambda f: f.length >= 20,
    "PRIVATE_KEY": lambda f: f.length >= 30,
    "JWT": lambda f: f.length >= 30,
    "API_TOKEN": lambda f: f.length >= 20,
    "PASSWORD": lambda f: f.length >= 10,
    **{entity: (lambda f: f.letters) for entity in NER_ENTITIES},
}
DEFAULT_NEED = _min_digits(6)  # IBAN, cards, phones and every numeric national identifier


def candidate_entities(text: str, entities: Iterable[str], with_ner: bool = True) -> list[str]:
    """The entities of `entities` that `text` could hold (NER ones only when `with_ner`)."""
    features = TextFeatures.of(text)
    return [
        entity
        for entity in entities
        if (with_ner or entity not in NER_ENTITIES) and NEEDS.get(entity, DEFAULT_NEED)(features)
    ]


# Particles of family names ("Saar de Vries", "Ludwig van Beethoven"): function words that a name holds.
_NAME_PARTICLES = frozenset(
    {
        "de",
        "van",
        "der",
        "den",
        "da",
        "di",
        "del",
        "della",
        "von",
        "zu",
        "le",
        "la",
        "du",
        "des",
        "dos",
        "das",
        "y",
        "e",
        "ten",
        "ter",
        "op",
        "el",
        "al",
        "mac",
        "mc",
        "st",
    }
)


def _stop_words_by_language() -> dict[str, frozenset[str]]:
    """Function words of each language privscan's users write, minus the particles of family names (read without
    importing the language packages: `lean_spacy.stop_words`)."""
    from privscan.engine.lean_spacy import stop_words

    languages = ("en", "de", "fr", "es", "it", "nl", "pt")
    return {language: stop_words(language) - _NAME_PARTICLES for language in languages}


STOP_WORDS_BY_LANGUAGE = _stop_words_by_language()
# A text whose language is not known: the six languages' function words (Portuguese's add given names such as
# "Ali" and "Nova" to them, and a Portuguese text is known by its language).
STOP_WORDS = frozenset().union(*(STOP_WORDS_BY_LANGUAGE[language] for language in ("en", "de", "fr", "es", "it", "nl")))

# Words that are capitalised for grammar, not because they name someone: sentence starters, pronouns,
# greetings, days and months. A text whose only capitalised words are these, or stop words of the
# languages above, holds no name for NER to find (a PERSON span with a stop word is dropped anyway:
# detect.plausible).
CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][\wÀ-ÿ'’-]*")
_COMMON_CAPITALISED_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "i'm",
        "i’m",
        "i've",
        "i'll",
        "i'd",
        "im",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "it's",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "how",
        "hi",
        "hello",
        "hey",
        "dear",
        "thanks",
        "thank",
        "please",
        "yes",
        "no",
        "ok",
        "okay",
        "sure",
        "sorry",
        "great",
        "good",
        "well",
        "so",
        "and",
        "but",
        "or",
        "if",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "we",
        "you",
        "he",
        "she",
        "they",
        "me",
        "us",
        "them",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "have",
        "has",
        "had",
        "not",
        "also",
        "just",
        "then",
        "now",
        "today",
        "tomorrow",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mr",
        "mrs",
        "ms",
        "dr",
        "re",
        "fw",
        "fwd",
        "subject",
        "note",
        "notes",
        "called",
        "call",
        "asked",
        "prefers",
        "new",
        "meeting",
        "send",
        "quarterly",
        "best",
        "regards",
        "kind",
        "cheers",
        "welcome",
        "as",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "from",
        "with",
        "of",
        "about",
        "after",
        "before",
        "all",
        "any",
        "some",
        "one",
        "two",
        "ai",
        "done",
        "ask",
        "consider",
        "remove",
        "close",
        "stop",
        "delete",
        "opt",
        "oh",
        "let",
        "merci",
        "bonjour",
        "bonsoir",
        "salut",
        "bienvenue",
        "danke",
        "bitte",
        "hallo",
        "guten",
        "tag",
        "gracias",
        "hola",
        "buenos",
        "grazie",
        "ciao",
        "buongiorno",
        "prego",
        "dank",
        "bedankt",
        "goedemorgen",
    ]
)
COMMONCAPITALISED = _COMMON_CAPITALISED_WORDS | STOP_WORDS
# English clitics (you'll, Telecom's) and French elisions (J'ai, L'adresse) around a word.
_HAS_DIGIT = re.compile(r"\d")
_CLITICS = re.compile(r"^(?:[jlcmnstd]|qu)['’]|['’](?:s|ll|re|ve|d|m|t)$|n['’]t$")


def ner_gate(text: str) -> bool | frozenset[str]:
    """Whether NER could find a name or place in `text`, from one pass over its capitalised words.

    Common are COMMONCAPITALISED: the words above and every language's stop words. A word with a digit in it
    (``DE68``, ``C-10016``, ``3B``) is a code, not a name: IBANs and customer numbers alone do not wake the model
    (a PERSON span with a digit is dropped anyway: detect.plausible).

    True: a word is common in no language, NER runs whatever the text's language. False: no word could be a
    name. Otherwise the words that are stop words of some languages only ("Dan" is Dutch for "then", "Ed"
    Italian for "and"), for `names_in_language` to decide by the text's language.
    """
    hiding = set()
    for word in CAPITALISED.findall(text):
        if _HAS_DIGIT.search(word):
            continue
        folded = _CLITICS.sub("", word.casefold())
        if folded not in COMMONCAPITALISED:
            return True
        if folded not in _COMMON_CAPITALISED_WORDS:  # then a stop word of some language
            hiding.add(folded)
    return frozenset(hiding) if hiding else False


def names_in_language(words: frozenset[str], language: str | None) -> bool:
    """Whether one of `words` (`ner_gate`'s) is no stop word of `language`, so may be a name in its text; a text
    of another or unknown language counts every language's stop words."""
    stop_words = STOP_WORDS_BY_LANGUAGE.get(language)
    return stop_words is not None and any(word not in stop_words for word in words)
