"""SE_PERSONNUMMER: Sweden personnummer (stdnum.se.personnummer, date + Luhn).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import SePersonnummerRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "SE_PERSONNUMMER"
RECOGNIZER = SePersonnummerRecognizer()

VALID = (
    ("880320-0016", WEAK_SCORE),
    ("8803200016", WEAK_SCORE),
    ("19880320-0016", WEAK_SCORE),
    ("198803200016", WEAK_SCORE),
    ("880320+0016", WEAK_SCORE),
    ("811228-9841", WEAK_SCORE),
    ("900101-1239", WEAK_SCORE),
    ("850709-9870", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "880320-0018",
    "881320-0016",
    "900101-1238",
    "19880320-0018",
)
NEAR_MISSES = (
    "880320-001",
    "880320-00166",
    "880320--0016",
    "1988032000166",
    *DATE_LIKE,
    *embedded("8803200016"),
)


def test_exact_spans_in_sentence():
    text = "Personnummer 880320-0016, barn 19880320-0016."
    assert pattern_spans(RECOGNIZER, text) == [
        (13, 24, ENTITY, WEAK_SCORE),
        (31, 44, ENTITY, WEAK_SCORE),
    ]
