"""AT_SVNR: Austria Sozialversicherungsnummer (stdnum.at.vnr, weighted mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

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


def test_exact_spans_in_sentence():
    text = "SVNR 1237 010180 / 4564150387"
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 16, ENTITY, WEAK_SCORE),
        (19, 29, ENTITY, WEAK_SCORE),
    ]
