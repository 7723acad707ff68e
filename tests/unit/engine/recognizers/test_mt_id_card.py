"""MT_ID_CARD: Malta identity card number (no checksum).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import MtIdCardRecognizer
from privscan.engine.recognizers.mt_id_card_recognizer import MT_ID_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "MT_ID_CARD"
RECOGNIZER = MtIdCardRecognizer()

VALID = (
    ("0012345M", MT_ID_SCORE),
    ("1234567G", MT_ID_SCORE),
    ("123456A", MT_ID_SCORE),
)
NEAR_MISSES = (
    "12M",
    "12345678M",
    "0012345m",
    "0012345X",
    *DATE_LIKE,
    *embedded("0012345M"),
)


def test_exact_spans_in_sentence():
    text = "ID card 0012345M, 1234567G."
    assert pattern_spans(RECOGNIZER, text) == [
        (8, 16, ENTITY, MT_ID_SCORE),
        (18, 26, ENTITY, MT_ID_SCORE),
    ]
