"""FR_NIR: France NIR / numéro INSEE (stdnum.fr.nir, mod 97 key).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import FrNirRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "FR_NIR"
RECOGNIZER = FrNirRecognizer()

VALID = (
    ("295109912611193", STRONG_SCORE),
    ("2 95 10 99 126 111 93", STRONG_SCORE),
    ("253072B07300470", STRONG_SCORE),
    ("253072A07300443", STRONG_SCORE),
    ("185057800608491", STRONG_SCORE),
    ("1 85 05 78 006 084 91", STRONG_SCORE),
    ("1.85.05.78.006.084.91", STRONG_SCORE),
    ("269052A12345688", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "295109912611199",
    "1 85 05 78 006 084 36",
    "185057800608492",
    "253072C07300443",
    "269052B12345688",
)
NEAR_MISSES = (
    "29510991261119",
    "2951099126111933",
    "595109912611193",
    *DATE_LIKE,
    *embedded("295109912611193"),
)


def test_exact_spans_in_sentence():
    text = "NIR: 1 85 05 78 006 084 91 / INSEE 253072B07300470."
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 26, ENTITY, STRONG_SCORE),
        (35, 50, ENTITY, STRONG_SCORE),
    ]
