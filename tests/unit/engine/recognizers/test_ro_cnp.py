"""RO_CNP: Romania CNP (stdnum.ro.cnp, date + county + mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import RoCnpRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "RO_CNP"
RECOGNIZER = RoCnpRecognizer()

VALID = (
    ("1630615123457", STRONG_SCORE),
    ("1900101123457", STRONG_SCORE),
    ("2850709412347", STRONG_SCORE),
    ("5010203044325", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "1630615123458",
    "1632215123457",
    "1630615993454",
    "2850709412346",
)
NEAR_MISSES = (
    "5900101401230",  # checksum and county fine, but born in 2090: an EAN-13 barcode (prefix 590)
    "0800101221142",
    "163061512345",
    "16306151234577",
    *DATE_LIKE,
    *embedded("1630615123457"),
)


def test_exact_spans_in_sentence():
    text = "CNP 1630615123457 și 2850709412347."
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 17, ENTITY, STRONG_SCORE),
        (21, 34, ENTITY, STRONG_SCORE),
    ]
