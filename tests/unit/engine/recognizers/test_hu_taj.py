"""HU_TAJ: Hungary TAJ (weights 3/7 mod 10; not in python-stdnum).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import HuTajRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "HU_TAJ"
RECOGNIZER = HuTajRecognizer()

VALID = (
    ("123456788", WEAK_SCORE),
    ("123 456 788", WEAK_SCORE),
    ("123-456-788", WEAK_SCORE),
    ("111222337", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "123456789",
    "123 456 787",
    "111222336",
)
NEAR_MISSES = (
    "12345678",
    "1234567880",
    "123 456-788",
    *DATE_LIKE,
    *embedded("123456788"),
)


def test_exact_spans_in_sentence():
    text = "TAJ szám: 123 456 788, 111222337"
    assert pattern_spans(RECOGNIZER, text) == [
        (10, 21, ENTITY, WEAK_SCORE),
        (23, 32, ENTITY, WEAK_SCORE),
    ]
