"""NL_BSN: Netherlands BSN (stdnum.nl.bsn, 11-proof).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import NlBsnRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "NL_BSN"
RECOGNIZER = NlBsnRecognizer()

VALID = (
    ("111222333", WEAK_SCORE),
    ("1112.22.333", WEAK_SCORE),
    ("111.222.333", WEAK_SCORE),
    ("111 222 333", WEAK_SCORE),
    ("111-222-333", WEAK_SCORE),
    ("123456782", WEAK_SCORE),
    ("987654329", WEAK_SCORE),
    ("12345672", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "111222334",
    "1112.52.333",
    "123456781",
    "111 222 334",
    "000000000",
)
NEAR_MISSES = (
    "1112223",
    "1112223330",
    "111 222-333",
    "1112.22.3334",
    *DATE_LIKE,
    *embedded("111222333"),
)


def test_exact_spans_in_sentence():
    text = "BSN 111222333; partner: 1112.22.333."
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 13, ENTITY, WEAK_SCORE),
        (24, 35, ENTITY, WEAK_SCORE),
    ]
