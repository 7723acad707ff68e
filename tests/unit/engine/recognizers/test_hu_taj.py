"""HU_TAJ: Hungary TAJ (weights 3/7 mod 10; not in python-stdnum).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import HuTajRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "HU_TAJ"
RECOGNIZER = HuTajRecognizer()

VALID = (
    ("123456788", WEAK_SCORE),
    ("123 456 788", WEAK_SCORE),
    ("123-456-788", WEAK_SCORE),
    ("111222337", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "123456789",
    "123 456 787",
    "111222336",
)
NEAR_MISSES = (
    "12345678",
    "1234567880",
    "123 456-788",
    *DATE_LIKE,
    *embedded("123456788"),
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
    text = "TAJ szám: 123 456 788, 111222337"
    assert pattern_spans(RECOGNIZER, text) == [
        (10, 21, ENTITY, WEAK_SCORE),
        (23, 32, ENTITY, WEAK_SCORE),
    ]
