"""LU_MATRICULE: Luxembourg matricule (date + stdnum.luhn + stdnum.verhoeff).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import LuMatriculeRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "LU_MATRICULE"
RECOGNIZER = LuMatriculeRecognizer()

VALID = (
    ("1985071512330", STRONG_SCORE),
    ("2001020345643", STRONG_SCORE),
    ("19850715 123 30", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "1985071512331",
    "1985071512320",
    "2001020345644",
)
NEAR_MISSES = (
    "198507151233",
    "19850715123300",
    "1985133012330",
    *DATE_LIKE,
    *embedded("1985071512330"),
)


def test_exact_spans_in_sentence():
    text = "Matricule 1985071512330 / 2001020345643"
    assert pattern_spans(RECOGNIZER, text) == [
        (10, 23, ENTITY, STRONG_SCORE),
        (26, 39, ENTITY, STRONG_SCORE),
    ]
