"""The language of one text (a cell, a chat turn, a line), for choosing its NER model.

py3langid (BSD-3-Clause: a naive Bayes model over byte n-grams, 4.6 MB, offline) restricted to the
official languages of the EU: a Danish or Polish text is not forced into one of the languages privscan
has a model for, and takes the English model like any language without one.

Short texts carry too few n-grams to tell (``Danke, Anna!`` scores as Danish): a text with fewer than
MIN_LETTERS letters, or whose best language scores under MIN_CONFIDENCE, is of unknown language. An
unknown text keeps the English model and gets the false-positive filters of every routed language
(engine/ner_filters.py). Its column's or conversation's language is not used: cells reach the
detector in batches whose make-up depends on the number of workers, and a cell's result must not.

The model takes half a second to load, most of it decompressing. The detector loads it when it is built
(`Detector.__init__`, through `preload`), not on a scan's first text: that scan's deadline would pay for
it. So a Lambda loads it during INIT and forked workers share it.
"""

from __future__ import annotations

import threading

# The EU's official languages, as py3langid names them.
EU_LANGUAGES = (
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
)
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5  # probability of the best language among EU_LANGUAGES
SAMPLE_CHARS = 2_000  # a long text is judged by its beginning


class LanguageIdentifier:
    """`identify(text)`: the text's EU language code, or None when it is too short or unclear to tell."""

    def __init__(self, languages: tuple[str, ...] = EU_LANGUAGES, min_letters: int = MIN_LETTERS):
        self.languages = languages
        self.min_letters = min_letters
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        from py3langid.langid import MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Model

        model = Model.from_model_file(MODEL_FILE, norm_probs=True)
        model.set_languages(list(self.languages))
        model._full_model = (model.nb_ptc, model.nb_pc, model.nb_classes)  # the other 118 languages' weights go
        return model

    def model(self):
        """The py3langid model, loaded once (thread-safe)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def identify(self, text: str) -> str | None:
        """The language of `text`, or None (too few letters, or no language clearly ahead)."""
        sample = text[:SAMPLE_CHARS]
        if sum(map(str.isalpha, sample)) < self.min_letters:
            return None
        language, confidence = self.model().classify(sample)
        return language if confidence >= MIN_CONFIDENCE else None


_IDENTIFIER = LanguageIdentifier()


def preload() -> None:
    """Load the process's shared identifier now (see the module docstring)."""
    _IDENTIFIER.model()


def language_of(text: str) -> str | None:
    """The language of `text` by the process's shared identifier (see LanguageIdentifier.identify)."""
    return _IDENTIFIER.identify(text)
