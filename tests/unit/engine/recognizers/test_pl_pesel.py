"""PL_PESEL: Poland PESEL (stdnum.pl.pesel, date + weights 1,3,7,9).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import PlPeselRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "PL_PESEL"
RECOGNIZER = PlPeselRecognizer()

VALID = (
    ("44051401359", WEAK_SCORE),
    ("02211307589", WEAK_SCORE),
    ("90010112349", WEAK_SCORE),
    ("02122401358", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "44051401358",
    "02381307589",
    "90010112340",
)
NEAR_MISSES = (
    "4405140135",
    "440514013599",
    *DATE_LIKE,
    *embedded("44051401359"),
)


def test_exact_spans_in_sentence():
    text = "PESEL: 44051401359, dziecko 02211307589."
    assert pattern_spans(RECOGNIZER, text) == [
        (7, 18, ENTITY, WEAK_SCORE),
        (28, 39, ENTITY, WEAK_SCORE),
    ]
