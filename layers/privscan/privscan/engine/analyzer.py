"""Build Presidio's AnalyzerEngine once per process, with privscan's recognizers.

The registry is assembled explicitly (not Presidio's default YAML): the generic
recognizers that matter for EU data, spaCy NER, and privscan's EU identifier
recognizers. Nothing here downloads: a missing spaCy model is an error.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CryptoRecognizer,
    IbanRecognizer,
    IpRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
)

from privscan.engine import lean_spacy
from privscan.engine.attribute_rules import index_attribute_ruler
from privscan.engine.cards import PaymentCardRecognizer
from privscan.engine.config import EngineConfig, ignored_entities
from privscan.engine.offline import OfflineEmailRecognizer
from privscan.engine.phone import EuPhoneRecognizer
from privscan.engine.secrets import SecretsRecognizer

NER_LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "NORP": "NRP",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}


# Presidio's debug and info logs quote the analysed text (context words, matched values). privscan must
# never log content, so they are capped here, whatever level the process configures.
logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)


class WithholdArguments(logging.Filter):
    """Presidio's warnings and errors can quote a value too ("Failed to validate text %s" in its IBAN
    recognizer): its records keep their template, level and call site, without arguments or traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite a log record without its arguments and exception text, which may carry the text being analysed."""
        if record.args or record.exc_info:
            kind = f" [{record.exc_info[0].__name__}]" if record.exc_info and record.exc_info[0] else ""
            record.msg, record.args = f"{record.msg}{kind} (arguments withheld)", ()
            record.exc_info, record.exc_text = None, None
        return True


if not any(isinstance(f, WithholdArguments) for f in logging.getLogger("presidio-analyzer").filters):
    logging.getLogger("presidio-analyzer").addFilter(WithholdArguments())


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model is not installed (the error names the model, never content)."""


def load_spacy_pipeline(model_name: str) -> spacy.language.Language:
    """Load an installed spaCy pipeline; refuse to download one."""
    if not spacy.util.is_package(model_name):
        raise ModelNotInstalled(f"spaCy model {model_name!r} is not installed; privscan never downloads models")
    nlp = lean_spacy.load(model_name)  # the tokenizer built once, from the pipeline's file
    index_attribute_ruler(nlp)  # same annotations, a fraction of the Matcher's cost
    return nlp


class ModelEntity:
    """An entity of another language's NER model, as Presidio's spaCy recognizer reads a spaCy span: its label and
    its character offsets in the text."""

    __slots__ = ("end_char", "label_", "start_char")

    def __init__(self, start_char: int, end_char: int, label: str):
        self.start_char, self.end_char, self.label_ = start_char, end_char, label


class PreloadedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around a pipeline privscan loaded itself (so Presidio cannot download)."""

    def __init__(self, nlp: spacy.language.Language, language: str):
        unmapped = set(nlp.get_pipe("ner").labels) - set(NER_LABELS) if nlp.has_pipe("ner") else set()
        super().__init__(
            models=[{"lang_code": language, "model_name": nlp.meta.get("name", "preloaded")}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=NER_LABELS,
                labels_to_ignore=sorted(unmapped | ignored_entities()),
            ),
        )
        self.nlp = {language: nlp}

    def load(self) -> None:  # already loaded in __init__
        """Nothing to do: the pipeline was loaded when the engine was built."""
        return

    def annotate(self, docs: list, language: str, components: frozenset[str]) -> None:
        """Run only `components` of the pipeline on tokenized Docs, in place (NER, the tagger and the parser
        are costly). One call per component set and batch: spaCy's fixed cost per call is about a
        millisecond, more than a short text's own share."""
        if not docs:
            return
        nlp = self.nlp[language]
        disable = [name for name in nlp.pipe_names if name not in components]
        for _ in nlp.pipe(docs, batch_size=len(docs), disable=disable):  # components annotate the Docs given
            pass

    def artifacts(self, doc, language: str, entities: list[tuple[int, int, str]] | None = None) -> NlpArtifacts:
        """Presidio's NLP artifacts for a document spaCy has already processed, so that no text is parsed twice.

        `entities` (start, end, PERSON | LOCATION), when given, are another language's model's findings in the
        same text (engine/ner_models.py): they replace the document's own, which that text did not get.
        """
        artifacts = self._doc_to_nlp_artifact(doc, language)
        if entities is not None:
            artifacts.entities = [ModelEntity(start, end, label) for start, end, label in entities]
            artifacts.scores = [self.ner_model_configuration.default_score] * len(entities)
        return artifacts

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        artifacts = super()._doc_to_nlp_artifact(doc, language)
        if not doc.has_annotation("LEMMA"):  # lemmatizer skipped: context words match lower-cased tokens
            artifacts.lemmas = [token.lower_ for token in doc]
            artifacts.keywords = artifacts.set_keywords(self, artifacts.lemmas, language)  # derived from lemmas
        return artifacts


def privscan_recognizers(language: str) -> list[EntityRecognizer]:
    """The recognizers privscan registers with Presidio: its payment cards, offline e-mail, secrets and the EU national
    identifiers, for `language`."""
    from privscan.engine.recognizers import eu_recognizers

    generic = [
        PaymentCardRecognizer(supported_language=language),
        CryptoRecognizer(supported_language=language),
        OfflineEmailRecognizer(supported_language=language),
        IbanRecognizer(supported_language=language),
        IpRecognizer(supported_language=language),
        EuPhoneRecognizer(supported_language=language),
        SecretsRecognizer(supported_language=language),
        UrlRecognizer(supported_language=language),
        SpacyRecognizer(supported_language=language, supported_entities=["PERSON", "LOCATION", "NRP"]),
    ]
    eu = eu_recognizers(languages=(language,))
    eu_entities = {entity for recognizer in eu for entity in recognizer.supported_entities}
    # privscan's EU recognizers replace Presidio's generic ones for the same entity (e.g. IBAN_CODE).
    generic = [r for r in generic if not set(r.supported_entities) & eu_entities]
    return generic + eu


@lru_cache(maxsize=4)
def build_analyzer(config: EngineConfig) -> AnalyzerEngine:
    """A Presidio analyzer on the configured spaCy pipeline with privscan's recognizers, built once per process."""
    nlp = load_spacy_pipeline(config.spacy_model)
    registry = RecognizerRegistry(supported_languages=[config.language])
    for recognizer in privscan_recognizers(config.language):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=PreloadedSpacyNlpEngine(nlp, config.language),
        supported_languages=[config.language],
        default_score_threshold=config.score_threshold,
    )
