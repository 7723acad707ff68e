"""BE_NATIONAL_NUMBER: Belgium national number and BIS number (stdnum.be.nn / stdnum.be.bis, mod 97).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import BeNationalNumberRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "BE_NATIONAL_NUMBER"
RECOGNIZER = BeNationalNumberRecognizer()

VALID = (
    ("85073003328", STRONG_SCORE),
    ("85.07.30-033.28", STRONG_SCORE),
    ("85 07 30 033 28", STRONG_SCORE),
    ("850730-033-28", STRONG_SCORE),
    ("17073003384", STRONG_SCORE),
    ("98.47.28-997.65", STRONG_SCORE),
    ("01490700185", STRONG_SCORE),
    ("90010112395", STRONG_SCORE),
    ("01020345603", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "12345678901",
    "85073003329",
    "85.07.30-033.29",
    "90010112396",
)
NEAR_MISSES = (
    "8507300332",
    "850730033288",
    "85.07.30-033.288",
    *DATE_LIKE,
    *embedded("85073003328"),
)


def test_exact_spans_in_sentence():
    text = "Rijksregisternummer 85.07.30-033.28 en 17073003384."
    assert pattern_spans(RECOGNIZER, text) == [
        (20, 35, ENTITY, STRONG_SCORE),
        (39, 50, ENTITY, STRONG_SCORE),
    ]
