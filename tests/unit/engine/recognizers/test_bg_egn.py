"""BG_EGN: Bulgaria ЕГН / EGN (stdnum.bg.egn, date + weighted mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import BgEgnRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "BG_EGN"
RECOGNIZER = BgEgnRecognizer()

VALID = (
    ("8032056031", WEAK_SCORE),
    ("7523169263", WEAK_SCORE),
    ("9001011238", WEAK_SCORE),
    ("8545091237", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "8032056032",
    "8019010008",
    "9001011239",
)
NEAR_MISSES = (
    "803205603",
    "80320560311",
    *DATE_LIKE,
    *embedded("8032056031"),
)


def test_exact_spans_in_sentence():
    text = "ЕГН 8032056031, EGN 9001011238"
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 14, ENTITY, WEAK_SCORE),
        (20, 30, ENTITY, WEAK_SCORE),
    ]
