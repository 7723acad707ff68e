"""SI_EMSO: Slovenia EMŠO (stdnum.si.emso, date + mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import SiEmsoRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "SI_EMSO"
RECOGNIZER = SiEmsoRecognizer()

VALID = (
    ("0101006500006", STRONG_SCORE),
    ("1503985505123", STRONG_SCORE),
    ("3107995501236", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "0101006500007",
    "1503985505124",
    "3102985505123",
)
NEAR_MISSES = (
    "010100650000",
    "01010065000066",
    "3201006500006",
    *DATE_LIKE,
    *embedded("0101006500006"),
)


def test_exact_spans_in_sentence():
    text = "EMŠO 0101006500006 in 1503985505123."
    assert pattern_spans(RECOGNIZER, text) == [
        (5, 18, ENTITY, STRONG_SCORE),
        (22, 35, ENTITY, STRONG_SCORE),
    ]
