"""IE_PPSN: Ireland PPSN (stdnum.ie.pps, mod 23 check letter).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import IePpsnRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "IE_PPSN"
RECOGNIZER = IePpsnRecognizer()

VALID = (
    ("6433435F", WEAK_SCORE),
    ("6433435FT", WEAK_SCORE),
    ("6433435FW", WEAK_SCORE),
    ("6433435OA", WEAK_SCORE),
    ("6433435IH", WEAK_SCORE),
    ("1234567T", WEAK_SCORE),
    ("1234567FA", WEAK_SCORE),
    ("6433435 FW", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "6433435E",
    "6433435VH",
    "1234567U",
    "7654321F",
)
NEAR_MISSES = (
    "643343F",
    "6433435FTT",
    "6433435f",
    "6433435Y",
    *DATE_LIKE,
    *embedded("6433435F"),
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
    text = "PPSN 6433435F, spouse 1234567FA."
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 13, ENTITY, WEAK_SCORE),
        (22, 31, ENTITY, WEAK_SCORE),
    ]
