"""SI_EMSO: Slovenia EMŠO (stdnum.si.emso, date + mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
from privscan.engine.recognizers import SiEmsoRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "SI_EMSO"
RECOGNIZER = SiEmsoRecognizer()

VALID = (
    ("0101006500006", STRONG_SCORE),
    ("1503985505123", STRONG_SCORE),
    ("3107995501236", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "0101006500007",
    "1503985505124",
    "3102985505123",
)
NEAR_MISSES = (
    "010100650000",
    "01010065000066",
    "3201006500006",
    *DATE_LIKE,
    *embedded("0101006500006"),
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
    text = "EMŠO 0101006500006 in 1503985505123."
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 18, ENTITY, STRONG_SCORE),
        (22, 35, ENTITY, STRONG_SCORE),
    ]
