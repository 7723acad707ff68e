"""CZ_BIRTH_NUMBER: Czech rodné číslo (stdnum.cz.rc, date + mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import CzBirthNumberRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "CZ_BIRTH_NUMBER"
RECOGNIZER = CzBirthNumberRecognizer()

VALID = (
    ("710319/2745", WEAK_SCORE),
    ("905101/1233", WEAK_SCORE),
    ("045307/4567", WEAK_SCORE),
    ("7103192745", WEAK_SCORE),
    ("8507099876", WEAK_SCORE),
    ("530312/123", WEAK_SCORE),
    ("991231/123", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "710319/2746",
    "7103192746",
    "110349/2745",
    "590312/123",
    "711319/2745",
)
NEAR_MISSES = (
    "710319/27455",
    "710319/27",
    "7103192/745",
    "710319//2745",
    *DATE_LIKE,
    *embedded("7103192745"),
)


def test_exact_spans_in_sentence():
    text = "Rodné číslo 710319/2745, dítě 0453074567."
    assert pattern_spans(RECOGNIZER, text) == [
        (12, 23, ENTITY, WEAK_SCORE),
        (30, 40, ENTITY, WEAK_SCORE),
    ]
