"""EE_ISIKUKOOD: Estonia isikukood (stdnum.ee.ik, date + two-pass mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import EeIsikukoodRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "EE_ISIKUKOOD"
RECOGNIZER = EeIsikukoodRecognizer()

VALID = (
    ("36805280109", WEAK_SCORE),
    ("49001011238", WEAK_SCORE),
    ("38507099878", WEAK_SCORE),
    ("50102034561", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "36805280108",
    "49001011239",
    "36813280109",
)
NEAR_MISSES = (
    "3680528010",
    "368052801099",
    "96805280109",
    *DATE_LIKE,
    *embedded("36805280109"),
)


def test_exact_spans_in_sentence():
    text = "Isikukood 36805280109; laps 50102034561."
    assert pattern_spans(RECOGNIZER, text) == [
        (10, 21, ENTITY, WEAK_SCORE),
        (28, 39, ENTITY, WEAK_SCORE),
    ]
