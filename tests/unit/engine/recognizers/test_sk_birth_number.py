"""SK_BIRTH_NUMBER: Slovak rodné číslo (stdnum.sk.rc, same as the Czech number).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import SkBirthNumberRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "SK_BIRTH_NUMBER"
RECOGNIZER = SkBirthNumberRecognizer()

VALID = (
    ("710319/2745", WEAK_SCORE),
    ("905101/1233", WEAK_SCORE),
    ("7103192745", WEAK_SCORE),
    ("530312/123", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "710319/2746",
    "7103192746",
    "110349/2745",
    "590312/123",
)
NEAR_MISSES = (
    "710319/27455",
    "710319/27",
    *DATE_LIKE,
    *embedded("7103192745"),
)


def test_exact_spans_in_sentence():
    text = "Rodné číslo 710319/2745, dieťa 0453074567."
    assert pattern_spans(RECOGNIZER, text) == [
        (12, 23, ENTITY, WEAK_SCORE),
        (31, 41, ENTITY, WEAK_SCORE),
    ]
