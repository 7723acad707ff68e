"""SE_PERSONNUMMER: Sweden personnummer (stdnum.se.personnummer, date + Luhn).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import SePersonnummerRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "SE_PERSONNUMMER"
RECOGNIZER = SePersonnummerRecognizer()

VALID = (
    ("880320-0016", WEAK_SCORE),
    ("8803200016", WEAK_SCORE),
    ("19880320-0016", WEAK_SCORE),
    ("198803200016", WEAK_SCORE),
    ("880320+0016", WEAK_SCORE),
    ("811228-9841", WEAK_SCORE),
    ("900101-1239", WEAK_SCORE),
    ("850709-9870", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "880320-0018",
    "881320-0016",
    "900101-1238",
    "19880320-0018",
)
NEAR_MISSES = (
    "880320-001",
    "880320-00166",
    "880320--0016",
    "1988032000166",
    *DATE_LIKE,
    *embedded("8803200016"),
)


@pytest.mark.parametrize(("number", "score"), VALID)
def test_valid_number_found_with_exact_span(number, score):
    text = f"ID {number}, thanks."
    assert pattern_spans(RECOGNIZER, text) == [(3, 3 + len(number), ENTITY, score)]


@pytest.mark.parametrize(("number", "score"), VALID)
def test_valid_number_alone_and_at_sentence_end(number, score):
    assert pattern_spans(RECOGNIZER, number) == [(0, len(number), ENTITY, score)]
    assert pattern_spans(RECOGNIZER, f"({number}).") == [(1, 1 + len(number), ENTITY, score)]


@pytest.mark.parametrize("number", INVALID_CHECKSUM)
def test_invalid_number_not_matched(number):
    assert pattern_spans(RECOGNIZER, f"ID {number}, thanks.") == []


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_not_matched(text):
    assert pattern_spans(RECOGNIZER, f"see {text} here") == []


def test_exact_spans_in_sentence():
    text = "Personnummer 880320-0016, barn 19880320-0016."
    assert pattern_spans(RECOGNIZER, text) == [
        (13, 24, ENTITY, WEAK_SCORE),
        (31, 44, ENTITY, WEAK_SCORE),
    ]
