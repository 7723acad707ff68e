"""IE_PPSN: Ireland PPSN (stdnum.ie.pps, mod 23 check letter).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import IePpsnRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "IE_PPSN"
RECOGNIZER = IePpsnRecognizer()

VALID = (
    ("6433435F", WEAK_SCORE),
    ("6433435FT", WEAK_SCORE),
    ("6433435FW", WEAK_SCORE),
    ("6433435OA", WEAK_SCORE),
    ("6433435IH", WEAK_SCORE),
    ("1234567T", WEAK_SCORE),
    ("1234567FA", WEAK_SCORE),
    ("6433435 FW", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "6433435E",
    "6433435VH",
    "1234567U",
    "7654321F",
)
NEAR_MISSES = (
    "643343F",
    "6433435FTT",
    "6433435f",
    "6433435Y",
    *DATE_LIKE,
    *embedded("6433435F"),
)


def test_exact_spans_in_sentence():
    text = "PPSN 6433435F, spouse 1234567FA."
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 13, ENTITY, WEAK_SCORE),
        (22, 31, ENTITY, WEAK_SCORE),
    ]
