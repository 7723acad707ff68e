"""NL_BSN: Netherlands BSN (stdnum.nl.bsn, 11-proof).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import NlBsnRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "NL_BSN"
RECOGNIZER = NlBsnRecognizer()

VALID = (
    ("111222333", WEAK_SCORE),
    ("1112.22.333", WEAK_SCORE),
    ("111.222.333", WEAK_SCORE),
    ("111 222 333", WEAK_SCORE),
    ("111-222-333", WEAK_SCORE),
    ("123456782", WEAK_SCORE),
    ("987654329", WEAK_SCORE),
    ("12345672", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "111222334",
    "1112.52.333",
    "123456781",
    "111 222 334",
    "000000000",
)
NEAR_MISSES = (
    "1112223",
    "1112223330",
    "111 222-333",
    "1112.22.3334",
    *DATE_LIKE,
    *embedded("111222333"),
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
    text = "BSN 111222333; partner: 1112.22.333."
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 13, ENTITY, WEAK_SCORE),
        (24, 35, ENTITY, WEAK_SCORE),
    ]
