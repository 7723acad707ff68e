"""LV_PERSONAS_KODS: Latvia personas kods (stdnum.lv.pvn personal codes).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import LvPersonasKodsRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "LV_PERSONAS_KODS"
RECOGNIZER = LvPersonasKodsRecognizer()

VALID = (
    ("161175-19997", WEAK_SCORE),
    ("16117519997", WEAK_SCORE),
    ("328673-00679", WEAK_SCORE),
    ("15078512340", WEAK_SCORE),
    ("01019922342", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "161375-19997",
    "328673-00677",
    "161175-19998",
)
NEAR_MISSES = (
    "40003521600",
    "161175-1999",
    "161175-199977",
    "161175--19997",
    *DATE_LIKE,
    *embedded("16117519997"),
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
    text = "Personas kods 161175-19997; 328673-00679."
    assert pattern_spans(RECOGNIZER, text) == [
        (14, 26, ENTITY, WEAK_SCORE),
        (28, 40, ENTITY, WEAK_SCORE),
    ]
