"""HR_OIB: Croatia OIB (stdnum.hr.oib, ISO 7064 mod 11,10).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import HrOibRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "HR_OIB"
RECOGNIZER = HrOibRecognizer()

VALID = (
    ("33392005961", WEAK_SCORE),
    ("12345678903", WEAK_SCORE),
    ("69420138570", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "33392005962",
    "12345678904",
    "69420138571",
)
NEAR_MISSES = (
    "3339200596",
    "333920059611",
    "HR33392005961",
    *DATE_LIKE,
    *embedded("33392005961"),
)


def test_exact_spans_in_sentence():
    text = "OIB: 33392005961 / 12345678903"
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 16, ENTITY, WEAK_SCORE),
        (19, 30, ENTITY, WEAK_SCORE),
    ]
