"""The language of one text (a cell, a chat turn, a line), for choosing its NER model.

py3langid (BSD-3-Clause: a naive Bayes model over byte n-grams, 4.6 MB, offline) restricted to the
official languages of the EU: a Danish or Polish text is not forced into one of the languages privscan
has a model for, and takes the English model like any language without one.

Short texts carry too few n-grams to tell (``Danke, Anna!`` scores as Danish): a text with fewer than
MIN_LETTERS letters, or whose best language scores under MIN_CONFIDENCE, is of unknown language. An
unknown text keeps the English model and gets the false-positive filters of every routed language
(engine/ner_filters.py). Its column's or conversation's language is not used: cells reach the
detector in batches whose make-up depends on the number of workers, and a cell's result must not.

The model ships trimmed to these languages (``models/langid/eu.npz`` beside the runtime package:
/opt/models/langid in the layer, layers/models/langid in a checkout; written by
``scripts/trim_langid_model.py``): the same weights for these languages and the same n-gram automaton
as py3langid's own model, which covers 142 languages and is LZMA-compressed, so it scores every text
the same and loads without decompressing LZMA. Without the file, py3langid's own model is loaded and
restricted. Either way the detector loads it when it is built (`Detector.__init__`, through
`preload`), not on a scan's first text: that scan's deadline would pay for it. So a Lambda loads it
during INIT and forked workers share it.
"""

from __future__ import annotations

import threading
from pathlib import Path

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
TRIMMED_MODEL = "eu.npz"


def default_model_path() -> Path:
    """``models/langid/eu.npz`` beside the runtime package (see the module docstring)."""
    import privscan

    return Path(privscan.__file__).resolve().parents[2] / "models" / "langid" / TRIMMED_MODEL


def load_trimmed(path: Path):
    """A py3langid model from a trimmed archive (scripts/trim_langid_model.py), its classes those it was cut to."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier as Model

    with np.load(path, allow_pickle=False) as data:
        nextmove, row = (_as_array(data[key]) for key in ("nextmove", "nextmove_row"))
        return Model(
            data["ptc"],
            data["pc"],
            data["classes"].tolist(),
            nextmove,
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=row,
        )


def _as_array(values):
    """A numpy array of unsigned integers as the stdlib array py3langid's automaton walks (fast item access)."""
    from array import array

    out = array({2: "H", 4: "I"}[values.itemsize])
    out.frombytes(memoryview(values).cast("B"))
    return out


class LanguageIdentifier:
    """`identify(text)`: the text's EU language code, or None when it is too short or unclear to tell."""

    def __init__(
        self,
        languages: tuple[str, ...] = EU_LANGUAGES,
        min_letters: int = MIN_LETTERS,
        model_path: Path | None = None,
    ):
        self.languages = languages
        self.min_letters = min_letters
        self.model_path = model_path if model_path is not None else default_model_path()
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        if self.model_path.is_file():
            model = load_trimmed(self.model_path)
            if set(model.nb_classes) == set(self.languages):
                return model
        return self._load_full()

    def _load_full(self):
        """py3langid's own model, restricted to `languages`."""
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
