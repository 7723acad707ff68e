"""HR_OIB: Croatia OIB (stdnum.hr.oib, ISO 7064 mod 11,10).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import HrOibRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "HR_OIB"
RECOGNIZER = HrOibRecognizer()

VALID = (
    ("33392005961", WEAK_SCORE),
    ("12345678903", WEAK_SCORE),
    ("69420138570", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "33392005962",
    "12345678904",
    "69420138571",
)
NEAR_MISSES = (
    "3339200596",
    "333920059611",
    "HR33392005961",
    *DATE_LIKE,
    *embedded("33392005961"),
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
    text = "OIB: 33392005961 / 12345678903"
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 16, ENTITY, WEAK_SCORE),
        (19, 30, ENTITY, WEAK_SCORE),
    ]
