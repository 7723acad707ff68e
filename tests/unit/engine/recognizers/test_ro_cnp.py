"""RO_CNP: Romania CNP (stdnum.ro.cnp, date + county + mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import RoCnpRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "RO_CNP"
RECOGNIZER = RoCnpRecognizer()

VALID = (
    ("1630615123457", STRONG_SCORE),
    ("1900101123457", STRONG_SCORE),
    ("2850709412347", STRONG_SCORE),
    ("5010203044325", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "1630615123458",
    "1632215123457",
    "1630615993454",
    "2850709412346",
)
NEAR_MISSES = (
    "5900101401230",  # checksum and county fine, but born in 2090: an EAN-13 barcode (prefix 590)
    "0800101221142",
    "163061512345",
    "16306151234577",
    *DATE_LIKE,
    *embedded("1630615123457"),
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
    text = "CNP 1630615123457 și 2850709412347."
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 17, ENTITY, STRONG_SCORE),
        (21, 34, ENTITY, STRONG_SCORE),
    ]
