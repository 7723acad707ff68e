"""Presidio's `AnalyzerEngine.analyze`, without its per-call overhead.

The scanner calls the analyzer once per cell or turn, hundreds of thousands of
times per object. `AnalyzerEngine.analyze` re-selects recognizers from the
registry on every call (a scan of every recognizer per requested entity), and
runs context enhancement, which deep-copies the tokens, even when no recognizer
matched. This runs the same steps on the same objects — recognizers, context
enhancement, threshold, duplicate removal — with the recognizer selection cached
per entity set and nothing done for a text where no recognizer matched (most).

Three gates skip work whose outcome is known beforehand, without changing results:
a pattern recognizer is not called when none of its regexes occurs in the
text (Presidio's loop times and logs every pattern); the context pass is given
only the recognizers that found something (Presidio filters every recognizer's
results out of the list for each of them, and a recognizer's own context hook
can only change its own results); and the lemma context pass is skipped when no
context word of a matching recognizer occurs in the text's keywords or the
field's context (it could raise no score; it deep-copies results).

Every pattern search has a time budget (`PATTERN_TIMEOUT_S`), the gate's and Presidio's own: some of
Presidio's patterns are slow on hostile text (its URL pattern tries up to 253 host characters from every
position, a second and more per thousand characters of ``a.b.a.b…``). A gate out of time skips its
recognizer for that text, and Presidio skips a pattern out of time; both log the pattern's name only.
The budget costs each search about as much as a short text's search itself, so a gate searches without it
where the pattern's worst case on a text of that length is bounded small (`free_length`): most chat turns
and cells, with most patterns. Working those bounds out parses every pattern, so a runner does it only once it
has analysed BOUND_AFTER_TEXTS texts: a cold start's first results do not wait for it.
"""

from __future__ import annotations

import logging
import math
import re
import re._constants as sre
import re._parser as sre_parse

import regex
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer import pattern_recognizer as presidio_patterns
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import IbanRecognizer

from privscan.engine.cards import PaymentCardRecognizer
from privscan.engine.deadline import check

_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_NAME = RecognizerResult.RECOGNIZER_NAME_KEY
PATTERN_TIMEOUT_S = 2  # one regex search over one text (a piece of at most 100,000 characters)
presidio_patterns.REGEX_TIMEOUT_SECONDS = PATTERN_TIMEOUT_S  # Presidio's own searches: 60 s by default
# Matching steps a gate search may take at worst without a time budget (`free_length`): a few milliseconds.
FREE_STEPS = 1_000_000
FREE_LENGTHS = (2048, 1024, 512, 256, 128, 64, 32, 16)  # the text lengths tried, longest first
BOUND_AFTER_TEXTS = 64  # texts a runner analyses with every gate search under the time budget

logger = logging.getLogger(__name__)


# `analyze` methods that report only matches of the recognizer's own patterns, with its own flags
# (Presidio's IBAN recognizer re-compiles its pattern on every call: the gate saves most of its cost;
# the payment card recognizer filters PatternRecognizer's results).
PATTERN_ONLY_ANALYZE = (PatternRecognizer.analyze, IbanRecognizer.analyze, PaymentCardRecognizer.analyze)


_SINGLE = frozenset({sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.AT, sre.CATEGORY})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})


def _ways(items, n: int) -> float:
    """An upper bound on the ways a backtracking matcher may try to match `items` (a parsed regex) from one
    position of a text of `n` characters: a sequence multiplies its parts' ways, an alternation adds its
    branches', a repeat of a single character tries each count once, a repeat of anything else tries every
    combination of its body's ways; a lookaround multiplies too (it may be tried at every step). Infinite for
    what is not bounded this way (back-references, conditionals, syntax of the `regex` module only)."""
    ways = 1.0
    for op, arg in items:
        if op in _SINGLE:
            continue
        if op is sre.SUBPATTERN:
            ways *= _ways(arg[3], n)
        elif op is sre.ATOMIC_GROUP:
            ways *= _ways(arg, n)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            ways *= _ways(arg[1], n)
        elif op is sre.BRANCH:
            ways *= sum(_ways(branch, n) for branch in arg[1])
        elif op in _REPEATS:
            low, high, body = arg
            high = n if high == sre.MAXREPEAT else min(high, n)
            inner = _ways(body, n)
            ways *= (high - low + 1) if inner == 1 else (inner**high if high < 64 else math.inf) * (high + 1)
        else:
            return math.inf
        if ways > FREE_STEPS:
            return math.inf
    return ways


def free_length(pattern: str, flags: int = 0) -> int:
    """The longest text (of FREE_LENGTHS) that `pattern` can search in at most FREE_STEPS steps at worst (`_ways`
    from each position), so without a time budget; 0 when none can or the pattern cannot be bounded."""
    try:
        parsed = list(sre_parse.parse(pattern, flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)))
    except (re.error, TypeError, ValueError, OverflowError, RecursionError):
        return 0
    return next((n for n in FREE_LENGTHS if n * _ways(parsed, n) <= FREE_STEPS), 0)


def pattern_gate(recognizer: EntityRecognizer, bounded: bool = True) -> tuple | None:
    """The compiled regexes of a recognizer that finds nothing unless one of them matches, each with the longest
    text it may search without a time budget (`free_length`; 0, every search under the budget, unless
    `bounded`), else None.

    Only recognizers whose `analyze` is one of PATTERN_ONLY_ANALYZE qualify: a subclass overriding it
    may find things in other ways.
    """
    if not isinstance(recognizer, PatternRecognizer) or type(recognizer).analyze not in PATTERN_ONLY_ANALYZE:
        return None
    flags = recognizer.global_regex_flags
    return tuple(
        (regex.compile(p.regex, flags=flags), free_length(p.regex, flags) if bounded else 0)
        for p in recognizer.patterns
    )


def gate_passes(gate: tuple, text: str, name: str) -> bool:
    """Whether one of a recognizer's regexes occurs in `text`; False when the search runs out of time."""
    length = len(text)
    try:
        for pattern, free in gate:
            if pattern.search(text) if length <= free else pattern.search(text, timeout=PATTERN_TIMEOUT_S):
                return True
        return False
    except TimeoutError:
        logger.warning("pattern search out of time: %s skipped for one text", name)
        return False


class GatedLemmaEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, skipped where none of the recognizers' context words can be found.

    The enhancer raises a result's score when one of its recognizer's context words is a substring of a
    keyword near the match or of a context word given by the caller. Nearby keywords are a subset of all
    the text's keywords, so if no context word is in any keyword or given word, nothing can change.
    """

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        """Presidio's context enhancement, skipped when no context word could raise any result's score."""
        if nlp_artifacts is not None and not self._could_match(raw_results, nlp_artifacts, recognizers, context):
            return raw_results
        return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)

    @staticmethod
    def _could_match(results, nlp_artifacts, recognizers, context) -> bool:
        # Presidio's context list is never empty (no tokens: [""]), so an empty context word always matches
        haystack = [k.lower() for k in nlp_artifacts.keywords or ()] + [w.lower() for w in context or ()] or [""]
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        for result in results:
            recognizer = by_id.get((result.recognition_metadata or {}).get(_ID))
            for word in (recognizer.context or ()) if recognizer is not None else ():
                word = word.lower()
                if any(word in keyword for keyword in haystack):
                    return True
        return False


class RecognizerRunner:
    """Runs Presidio's recognizers on one text within the per-pattern time budget, caching the selection per
    entity set."""

    def __init__(self, analyzer: AnalyzerEngine, language: str, score_threshold: float):
        self.analyzer = analyzer
        self.language = language
        self.score_threshold = score_threshold
        # per entity set: the recognizers, and each one's pattern gate
        self._selected: dict[tuple[str, ...], tuple[list[EntityRecognizer], list[tuple | None]]] = {}
        self._gates: dict[str, tuple | None] = {}
        self._texts = 0  # texts analysed while the gates search every text under the time budget
        self._bounded = False
        if type(analyzer.context_aware_enhancer) is LemmaContextAwareEnhancer:
            default = analyzer.context_aware_enhancer
            analyzer.context_aware_enhancer = GatedLemmaEnhancer(
                context_similarity_factor=default.context_similarity_factor,
                min_score_with_context_similarity=default.min_score_with_context_similarity,
                context_prefix_count=default.context_prefix_count,
                context_suffix_count=default.context_suffix_count,
                context_matching_mode=default.context_matching_mode,
            )

    def recognizers(self, entities: tuple[str, ...]) -> tuple[list[EntityRecognizer], list[tuple | None]]:
        """The recognizers of these entity types and their compiled patterns, selected once per entity set."""
        selected = self._selected.get(entities)
        if selected is None:
            chosen = self.analyzer.registry.get_recognizers(language=self.language, entities=list(entities))
            for recognizer in chosen:
                if recognizer.id not in self._gates:
                    self._gates[recognizer.id] = pattern_gate(recognizer, self._bounded)
            selected = self._selected[entities] = (chosen, [self._gates[r.id] for r in chosen])
        return selected

    def _count_text(self) -> None:
        """Counts an analysed text; at BOUND_AFTER_TEXTS, the gates are selected again with their free lengths."""
        self._texts += 1
        if self._texts >= BOUND_AFTER_TEXTS and not self._bounded:
            self._bounded = True
            self._gates = {}
            self._selected = {}

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts,
        context: list[str] | None = None,
        deadline: float | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's analysis of `text`; DeadlineExceeded between recognizers once `deadline` passed."""
        if not self._bounded:
            self._count_text()
        recognizers, gates = self.recognizers(tuple(entities))
        results: list[RecognizerResult] = []
        for recognizer, gate in zip(recognizers, gates, strict=True):
            if gate is not None and not gate_passes(gate, text, recognizer.name):
                continue
            if deadline is not None:  # most cells have none: no call
                check(deadline)
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
        found_by = {result.recognition_metadata[_ID] for result in results}
        producing = [recognizer for recognizer in recognizers if recognizer.id in found_by]
        results = self.analyzer._enhance_using_context(text, results, nlp_artifacts, producing, context)
        return EntityRecognizer.remove_duplicates([r for r in results if r.score >= self.score_threshold])
