"""Presidio's `AnalyzerEngine.analyze`, without its per-call overhead.

The scanner calls the analyzer once per cell or turn, hundreds of thousands of
times per object. `AnalyzerEngine.analyze` re-selects recognizers from the
registry on every call (a scan of every recognizer per requested entity), and
runs context enhancement, which deep-copies the tokens, even when no recognizer
matched. This runs the same steps on the same objects — recognizers, context
enhancement, threshold, duplicate removal — with the recognizer selection cached
per entity set and nothing done for a text where no recognizer matched (most).
"""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_NAME = RecognizerResult.RECOGNIZER_NAME_KEY


class RecognizerRunner:
    def __init__(self, analyzer: AnalyzerEngine, language: str, score_threshold: float):
        self.analyzer = analyzer
        self.language = language
        self.score_threshold = score_threshold
        self._selected: dict[tuple[str, ...], list[EntityRecognizer]] = {}

    def recognizers(self, entities: tuple[str, ...]) -> list[EntityRecognizer]:
        selected = self._selected.get(entities)
        if selected is None:
            selected = self.analyzer.registry.get_recognizers(language=self.language, entities=list(entities))
            self._selected[entities] = selected
        return selected

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts, context: list[str] | None = None
    ) -> list[RecognizerResult]:
        recognizers = self.recognizers(tuple(entities))
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            found = recognizer.analyze(text=text, entities=entities, nlp_artifacts=nlp_artifacts)
            for result in found or ():
                metadata = result.recognition_metadata
                if metadata is None:
                    metadata = result.recognition_metadata = {}
                metadata.setdefault(_ID, recognizer.id)
                metadata.setdefault(_NAME, recognizer.name)
                results.append(result)
        if not results:
            return results
        results = self.analyzer._enhance_using_context(text, results, nlp_artifacts, recognizers, context)
        return EntityRecognizer.remove_duplicates([r for r in results if r.score >= self.score_threshold])
