"""Priming: the engine runs once on placeholder text before workers fork (and in a Lambda's INIT), so that
what it builds on first use is built once and inherited. The placeholder text must reach every such part."""

from privscan.engine.detect import PRIMING_UNITS


def test_the_placeholder_text_reaches_every_recognizer_kind_the_model_and_both_statement_matchers(scanner):
    found = [
        [(entity, unit.text[start:end], kind, rules) for entity, start, end, _, kind, rules in detections]
        for unit, detections in zip(PRIMING_UNITS, scanner.detector.run(list(PRIMING_UNITS)), strict=True)
    ]
    assert found == [
        [
            ("PERSON", "Max Mustermann", "entity", ()),
            ("EMAIL_ADDRESS", "max@example.com", "entity", ()),
            ("PHONE_NUMBER", "+49 151 23456789", "entity", ()),
            ("IBAN_CODE", "DE89 3704 0044 0532 0130 00", "entity", ()),
        ],
        [
            ("HEALTH_DATA", "I was diagnosed with diabetes", "signal", ("GDPR-ART9-HEALTH",)),
            ("ERASURE_REQUEST", "want my data deleted", "signal", ("GDPR-ART17-ERASURE-REQUEST",)),
        ],
        [("AI_DISCLOSURE", "I am a virtual assistant", "marker", ())],
    ]


def test_priming_runs_once_and_leaves_the_ai_disclosure_matchers_built(scanner, monkeypatch):
    detector = scanner.detector
    detector.prime()
    assert detector.signals._ai_engine is not None
    calls = []
    monkeypatch.setattr(detector, "run", lambda units: calls.append(units))
    detector.prime()
    assert calls == []
