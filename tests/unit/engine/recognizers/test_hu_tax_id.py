"""HU_TAX_ID: Hungary adóazonosító jel (days since 1867 + weighted mod 11; not in python-stdnum).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import HuTaxIdRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "HU_TAX_ID"
RECOGNIZER = HuTaxIdRecognizer()

VALID = (
    ("8414091237", WEAK_SCORE),
    ("8397794565", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "8414091238",
    "8397794564",
    "8999991234",
)
NEAR_MISSES = (
    "841409123",
    "84140912370",
    "7414091237",
    *DATE_LIKE,
    *embedded("8414091237"),
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
    text = "Adóazonosító jel 8414091237 és 8397794565"
    assert pattern_spans(RECOGNIZER, text) == [
        (17, 27, ENTITY, WEAK_SCORE),
        (31, 41, ENTITY, WEAK_SCORE),
    ]
