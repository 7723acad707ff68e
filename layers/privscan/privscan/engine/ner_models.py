"""Named-entity pipelines per language: the registry the detector asks for a text's model.

A models directory holds one spaCy pipeline directory per language, named by its code
(``<dir>/de``, ``<dir>/fr``, ...), each with a ``ner`` component that runs alone (its own tok2vec;
``scripts/slim_ner_model.py`` makes one from a published pipeline). Labels PER / PERSON become
PERSON and LOC / GPE / LOCATION become LOCATION; ORG, MISC and the rest are dropped, and since only
that model's entities are used for the text, a span it calls an organisation is never a person or a
place.

The directory is the engine's ``ner_models_dir`` setting; by default the ``models/ner`` folder beside
the runtime package: ``/opt/models/ner`` in the Lambda layer (``/opt/python/privscan``), the
repository's ``layers/models/ner`` in a checkout. A pipeline is loaded the first time a text of its
language needs NER, once per process; a language whose directory is missing, or whose pipeline
fails to load, has no model, and its texts keep the English model.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

PERSON_LABELS = frozenset({"PER", "PERSON"})
LOCATION_LABELS = frozenset({"LOC", "GPE", "LOCATION"})
OTHER = "OTHER"  # an entity of another kind (ORG, MISC): no finding, but no place for a recalled name either
VOCAB_GROWTH = 200_000  # strings a model's vocabulary may gain for good before its batches run in memory zones
# (start, end, PERSON | LOCATION | OTHER): an entity as plain values, offsets in the text given
EntityTuple = tuple[int, int, str]


def default_models_dir() -> Path:
    """``models/ner`` beside the runtime package: /opt/models/ner in the layer, layers/models/ner in a checkout."""
    import privscan

    return Path(privscan.__file__).resolve().parents[2] / "models" / "ner"


def presidio_label(label: str) -> str | None:
    """PERSON or LOCATION for a model's label, None for the labels privscan does not report (ORG, MISC, ...)."""
    if label in PERSON_LABELS:
        return "PERSON"
    if label in LOCATION_LABELS:
        return "LOCATION"
    return None


class NerModels:
    """The NER pipelines of a models directory, each loaded on its first use (thread-safe)."""

    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory) if directory else default_models_dir()
        self._languages = self._installed()
        self._loaded: dict[str, object] = {}
        self._vocab_base: dict[str, int] = {}
        self._failed: set[str] = set()
        self._lock = threading.Lock()

    def _installed(self) -> frozenset[str]:
        if not self.directory.is_dir():
            return frozenset()
        return frozenset(
            path.name for path in self.directory.iterdir() if path.is_dir() and (path / "config.cfg").is_file()
        )

    @property
    def languages(self) -> frozenset[str]:
        """The languages with a pipeline in the directory (loaded or not)."""
        return self._languages - self._failed

    @property
    def loaded(self) -> frozenset[str]:
        """The languages whose pipeline this process has loaded."""
        return frozenset(self._loaded)

    def has(self, language: str | None) -> bool:
        """Whether `language` has a pipeline (not loaded by asking)."""
        return language is not None and language in self._languages and language not in self._failed

    def get(self, language: str):
        """The language's pipeline, loaded now if it is not yet; None when it has none or it fails to load."""
        if not self.has(language):
            return None
        nlp = self._loaded.get(language)
        if nlp is None:
            with self._lock:
                nlp = self._loaded.get(language)
                if nlp is None and language not in self._failed:
                    nlp = self._load(language)
        return nlp

    def _load(self, language: str):
        from privscan.engine import lean_spacy

        try:
            nlp = lean_spacy.load(self.directory / language)
        except Exception as error:  # noqa: BLE001 - a broken model must not stop the scan: its texts take English
            logger.warning("NER pipeline for %s not loaded (%s): English used instead", language, type(error).__name__)
            self._failed.add(language)
            return None
        if "ner" not in nlp.pipe_names:
            logger.warning("NER pipeline for %s has no ner component: English used instead", language)
            self._failed.add(language)
            return None
        self._loaded[language] = nlp
        self._vocab_base[language] = len(nlp.vocab.strings)
        logger.debug("NER pipeline for %s loaded", language)
        return nlp

    def entities(self, language: str, texts: list[str], others: bool = False) -> list[list[EntityTuple]] | None:
        """PERSON and LOCATION spans of each text by the language's pipeline, as plain values; None without one.
        `others`: the model's other entities (ORG, MISC) too, labelled OTHER.

        Once the pipeline's vocabulary has grown by VOCAB_GROWTH strings, batches run in a memory zone (as the
        English model's in the detector): a long scan meets millions of words once.
        """
        nlp = self.get(language)
        if nlp is None:
            return None
        if not texts:
            return []
        if len(nlp.vocab.strings) < self._vocab_base[language] + VOCAB_GROWTH:
            return self._run(nlp, texts, others)
        with nlp.memory_zone():
            return self._run(nlp, texts, others)

    @staticmethod
    def _run(nlp, texts: list[str], others: bool) -> list[list[EntityTuple]]:
        out = []
        for doc in nlp.pipe(texts, batch_size=len(texts)):
            spans = []
            for ent in doc.ents:
                label = presidio_label(ent.label_) or (OTHER if others else None)
                trimmed = trim_punctuation(doc.text, ent.start_char, ent.end_char)
                if label is not None and trimmed is not None:
                    spans.append((*trimmed, label))
            out.append(spans)
        return out


_EDGE_PUNCTUATION = ".,;:!?()[]{}\"'«»„“”‚‘’"


def trim_punctuation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without punctuation or white space at its ends (a pipeline whose tokenizer leaves ``Groningen.``
    whole tags the full stop too); None when nothing but punctuation is left. An abbreviation's inner full stops
    stay."""
    while start < end and (text[start] in _EDGE_PUNCTUATION or text[start].isspace()):
        start += 1
    while end > start and (
        text[end - 1].isspace() or (text[end - 1] in _EDGE_PUNCTUATION and not _abbreviation_end(text, start, end))
    ):
        end -= 1
    return (start, end) if end > start else None


def _abbreviation_end(text: str, start: int, end: int) -> bool:
    """A final full stop that ends an initial or abbreviation inside the span (``J.``, ``St.``): kept."""
    if text[end - 1] != ".":
        return False
    word = text[start : end - 1].split()[-1] if text[start : end - 1].split() else ""
    return len(word) <= 2 or "." in word
