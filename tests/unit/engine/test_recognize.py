"""The recognizer runner's gates skip work, never results: gated output equals Presidio's own steps.

The reference runs every selected recognizer and Presidio's unmodified lemma context enhancer, as
`AnalyzerEngine.analyze` does; the runner must give the same entities, spans and scores.
"""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.predefined_recognizers import IbanRecognizer
from privscan.engine.cards import PaymentCardRecognizer
from privscan.engine.detect import field_context
from privscan.engine.prefilter import candidate_entities
from privscan.engine.recognize import PATTERN_ONLY_ANALYZE, GatedLemmaEnhancer, pattern_gate
from privscan.engine.recognizers.stdnum_recognizer import StdnumRecognizer

TEXTS = [
    ("my IBAN is DE89 3704 0044 0532 0130 00, thanks", None),
    ("my IBAN is DE00 3704 0044 0532 0130 00, thanks", None),  # near miss: the checksum fails
    ("iban de89370400440532013000", "notes"),  # near miss: lower case, which Presidio's pattern refuses
    ("GB82WEST12345698765432 and FR1420041010050500013M02606", "iban"),
    ("DE89 3704 0044 0532 0130 00", "iban"),
    ("DE89 3704 0044 0532 0130 00", "notes"),
    ("Steuer-ID 86095742719 bitte prüfen", None),
    ("86095742719", "steuer_id"),
    ("86095742719", "amount"),
    ("card 4111 1111 1111 1111 exp 12/27", None),
    ("AT75 6600 4111 1111 1111 1111 card", None),  # near miss: digits glued to an IBAN prefix
    ("4000000000006 EAN on the box, card 4000000000006", "notes"),  # 13 digits: weak, lifted by "card"
    ("4111111111111111", "kreditkarte"),
    ("call me on +49 30 12345678 tomorrow", None),
    ("+49 30 12345678", "telefon"),
    ("write to anna.schneider@example.com", None),
    ("PESEL 44051401359, numer", None),
    ("44051401359", "order_no"),
    ("2025-05-23 12:56:42", "created_at"),
    ("Reference BE34693691898872 rejected by the bank import", "comment"),
    ("NIR 1 84 12 76 451 089 46", None),
    ("ip 192.168.12.7 and https://example.org/a", None),
    ("nothing to see here", None),
]


def reference(analyzer, text, entities, artifacts, context):
    """AnalyzerEngine.analyze's recognizer and context steps, without privscan's gates."""
    recognizers = analyzer.registry.get_recognizers(language="en", entities=entities)
    results = []
    for recognizer in recognizers:
        for result in recognizer.analyze(text=text, entities=entities, nlp_artifacts=artifacts) or ():
            result.recognition_metadata = result.recognition_metadata or {}
            result.recognition_metadata.setdefault(result.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
            result.recognition_metadata.setdefault(result.RECOGNIZER_NAME_KEY, recognizer.name)
            results.append(result)
    if not results:
        return []
    gated, analyzer.context_aware_enhancer = analyzer.context_aware_enhancer, LemmaContextAwareEnhancer()
    try:
        results = analyzer._enhance_using_context(text, results, artifacts, recognizers, context)
    finally:
        analyzer.context_aware_enhancer = gated
    return EntityRecognizer.remove_duplicates([r for r in results if r.score >= 0.5])


def spans(results):
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in results)


@pytest.mark.parametrize("text, field", TEXTS)
def test_gated_runner_finds_what_presidio_finds(scanner, text, field):
    detector = scanner.detector
    entities = candidate_entities(text, detector.entities, with_ner=False)
    artifacts = detector._tokens_only(detector._nlp.make_doc(text))
    context = field_context(field)
    expected = spans(reference(detector.analyzer, text, entities, artifacts, context))
    assert spans(detector._recognizers.analyze(text, entities, artifacts, context=context)) == expected


def test_the_context_pass_is_gated_and_patterns_are_precompiled(scanner):
    detector = scanner.detector
    assert isinstance(detector.analyzer.context_aware_enhancer, GatedLemmaEnhancer)
    gated = [r for r in detector.analyzer.registry.recognizers if pattern_gate(r) is not None]
    assert gated and all(type(r).analyze in PATTERN_ONLY_ANALYZE for r in gated)
    for kind in (IbanRecognizer, PaymentCardRecognizer):
        assert pattern_gate(next(r for r in detector.analyzer.registry.recognizers if isinstance(r, kind)))
    assert (
        pattern_gate(next(r for r in detector.analyzer.registry.recognizers if r.name == "EuPhoneRecognizer")) is None
    )


def test_a_context_word_found_in_the_text_still_raises_the_score(scanner):
    detector = scanner.detector
    text = "86095742719"
    entities = candidate_entities(text, detector.entities, with_ner=False)
    artifacts = detector._tokens_only(detector._nlp.make_doc(text))
    bare = {r.entity_type: r.score for r in detector._recognizers.analyze(text, entities, artifacts)}
    hinted = {
        r.entity_type: r.score
        for r in detector._recognizers.analyze(text, entities, artifacts, context=["steuer", "id"])
    }
    assert hinted.get("DE_TAX_ID", 0) > bare.get("DE_TAX_ID", 0)


def test_only_recognizers_that_found_something_enter_the_context_pass(scanner, monkeypatch):
    """Safe because no recognizer's own context hook can add results: each either keeps Presidio's no-op or
    is a StdnumRecognizer, whose hook only marks its own results."""
    detector = scanner.detector
    for recognizer in detector.analyzer.registry.recognizers:
        hook = type(recognizer).enhance_using_context
        assert hook is EntityRecognizer.enhance_using_context or isinstance(recognizer, StdnumRecognizer), recognizer
    seen = []
    original = detector.analyzer._enhance_using_context

    def spy(text, results, artifacts, recognizers, context=None):
        seen.append(sorted(r.name for r in recognizers))
        return original(text, results, artifacts, recognizers, context)

    monkeypatch.setattr(detector.analyzer, "_enhance_using_context", spy)
    text = "write to anna.schneider@example.com or call +49 30 12345678"
    entities = candidate_entities(text, detector.entities, with_ner=False)
    detector._recognizers.analyze(text, entities, detector._tokens_only(detector._nlp.make_doc(text)))
    assert len(entities) > 2 and seen == [
        ["EuPhoneRecognizer", "OfflineEmailRecognizer", "UrlRecognizer"]
    ]  # the URL: example.com


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?<!\w)\d{10}(?!\w)", 2048),  # fixed counts: one way from each position
        (r"\d{3,7}[MGAPLHBZ]", 2048),
        (r"[a-z0-9.\-]{1,253}[.](?:com|net|org)", 1024),  # up to 253 tries from each position, 3 endings
        (r"(\d+\s?)+x", 0),  # nested repeats: exponential on hostile text
        (r"(\d)\1{5}", 0),  # a back-reference is not bounded here
        (r"\p{L}+", 0),  # syntax of the regex module only
        (r"a*b*c*", 16),  # three unbounded repeats in a row: n to the fourth in all
    ],
)
def test_free_length_bounds_the_worst_case_search(pattern, expected):
    from privscan.engine.recognize import free_length

    assert free_length(pattern) == expected


def test_searches_without_a_time_budget_stay_fast_on_hostile_text():
    import time

    import regex
    from privscan.engine.recognize import free_length

    for pattern in (r"(?<!\w)\d{10}(?!\w)", r"a*b*c*d", r"(?:[A-Z]{2}\d{2})(?:[ -]?\d{4}){2,4}"):
        free = free_length(pattern)
        if free:
            hostile = ("aAB12 1234 " * free)[:free]
            started = time.perf_counter()
            regex.compile(pattern).search(hostile)
            assert time.perf_counter() - started < 0.5


def test_a_gate_searches_a_long_text_with_its_time_budget():
    from privscan.engine import recognize

    class Recording:
        def __init__(self):
            self.timeouts = []

        def search(self, text, timeout=None):
            self.timeouts.append(timeout)

    pattern = Recording()
    assert recognize.gate_passes(((pattern, 16),), "x" * 16, "P") is False
    assert recognize.gate_passes(((pattern, 16),), "x" * 17, "P") is False
    assert pattern.timeouts == [None, recognize.PATTERN_TIMEOUT_S]


def test_a_runner_bounds_its_gates_only_after_its_first_texts(scanner, monkeypatch):
    from privscan.engine import recognize

    monkeypatch.setattr(recognize, "BOUND_AFTER_TEXTS", 3)
    detector = scanner.detector
    runner = recognize.RecognizerRunner(detector.analyzer, "en", 0.5)
    text = "my IBAN is DE89 3704 0044 0532 0130 00, thanks"
    entities = candidate_entities(text, detector.entities, with_ner=False)
    artifacts = detector._tokens_only(detector._nlp.make_doc(text))

    def frees():
        _, gates = runner.recognizers(tuple(entities))
        return [free for gate in gates if gate is not None for _, free in gate]

    found = [spans(runner.analyze(text, entities, artifacts)) for _ in range(2)]
    assert frees() and set(frees()) == {0}  # every search under the time budget so far
    found.append(spans(runner.analyze(text, entities, artifacts)))
    recognizers, gates = runner.recognizers(tuple(entities))
    expected = [
        [recognize.free_length(p.regex, r.global_regex_flags) for p in r.patterns]
        for r, gate in zip(recognizers, gates, strict=True)
        if gate is not None
    ]
    assert [[free for _, free in gate] for gate in gates if gate is not None] == expected
    assert any(free > 0 for bounds in expected for free in bounds)
    found.append(spans(runner.analyze(text, entities, artifacts)))
    assert found[0] and all(f == found[0] for f in found)
