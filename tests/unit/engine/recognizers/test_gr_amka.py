"""GR_AMKA: Greece ΑΜΚΑ (stdnum.gr.amka, date + Luhn).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import GrAmkaRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "GR_AMKA"
RECOGNIZER = GrAmkaRecognizer()

VALID = (
    ("01013099997", WEAK_SCORE),
    ("15038501233", WEAK_SCORE),
    ("29129012349", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "01013099999",
    "15038501234",
    "30028501233",
)
NEAR_MISSES = (
    "0101309999",
    "010130999977",
    "32013099997",
    *DATE_LIKE,
    *embedded("01013099997"),
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
    text = "ΑΜΚΑ 01013099997 και 15038501233"
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 16, ENTITY, WEAK_SCORE),
        (21, 32, ENTITY, WEAK_SCORE),
    ]
