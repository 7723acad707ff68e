"""AT_SVNR: Austria Sozialversicherungsnummer (stdnum.at.vnr, weighted mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import AtSvnrRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "AT_SVNR"
RECOGNIZER = AtSvnrRecognizer()

VALID = (
    ("1237010180", WEAK_SCORE),
    ("1237 010180", WEAK_SCORE),
    ("4564150387", WEAK_SCORE),
    ("7896150387", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "2237010180",
    "1238 010180",
    "4565150387",
)
NEAR_MISSES = (
    "123701018",
    "12370101801",
    "0237010180",
    "1237 0101800",
    *DATE_LIKE,
    *embedded("1237010180"),
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
    text = "SVNR 1237 010180 / 4564150387"
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 16, ENTITY, WEAK_SCORE),
        (19, 29, ENTITY, WEAK_SCORE),
    ]
