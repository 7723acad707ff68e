"""GR_AMKA: Greece ΑΜΚΑ (stdnum.gr.amka, date + Luhn).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import GrAmkaRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "GR_AMKA"
RECOGNIZER = GrAmkaRecognizer()

VALID = (
    ("01013099997", WEAK_SCORE),
    ("15038501233", WEAK_SCORE),
    ("29129012349", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "01013099999",
    "15038501234",
    "30028501233",
)
NEAR_MISSES = (
    "0101309999",
    "010130999977",
    "32013099997",
    *DATE_LIKE,
    *embedded("01013099997"),
)


def test_exact_spans_in_sentence():
    text = "ΑΜΚΑ 01013099997 και 15038501233"
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 16, ENTITY, WEAK_SCORE),
        (21, 32, ENTITY, WEAK_SCORE),
    ]
