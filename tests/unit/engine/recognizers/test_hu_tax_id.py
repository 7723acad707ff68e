"""HU_TAX_ID: Hungary adóazonosító jel (days since 1867 + weighted mod 11; not in python-stdnum).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import HuTaxIdRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "HU_TAX_ID"
RECOGNIZER = HuTaxIdRecognizer()

VALID = (
    ("8414091237", WEAK_SCORE),
    ("8397794565", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "8414091238",
    "8397794564",
    "8999991234",
)
NEAR_MISSES = (
    "841409123",
    "84140912370",
    "7414091237",
    *DATE_LIKE,
    *embedded("8414091237"),
)


def test_exact_spans_in_sentence():
    text = "Adóazonosító jel 8414091237 és 8397794565"
    assert pattern_spans(RECOGNIZER, text) == [
        (17, 27, ENTITY, WEAK_SCORE),
        (31, 41, ENTITY, WEAK_SCORE),
    ]
