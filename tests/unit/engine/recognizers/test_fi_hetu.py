"""FI_PERSONAL_IDENTITY_CODE: Finland HETU (stdnum.fi.hetu, date + mod 31 check character).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import FiHetuRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "FI_PERSONAL_IDENTITY_CODE"
RECOGNIZER = FiHetuRecognizer()

VALID = (
    ("131052-308T", STRONG_SCORE),
    ("131052A308T", STRONG_SCORE),
    ("010190-123M", STRONG_SCORE),
    ("150305A4563", STRONG_SCORE),
    ("131052-308t", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "131052-308U",
    "310252-308Y",
    "010190-123N",
    "131052-309T",
)
NEAR_MISSES = (
    "131052-308",
    "131052-308TT",
    "1310522-308T",
    "131052_308T",
    *DATE_LIKE,
    *embedded("131052-308T"),
)


def test_exact_spans_in_sentence():
    text = "HETU 131052-308T ja 010190-123M."
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 16, ENTITY, STRONG_SCORE),
        (20, 31, ENTITY, STRONG_SCORE),
    ]
