"""LV_PERSONAS_KODS: Latvia personas kods (stdnum.lv.pvn personal codes).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import LvPersonasKodsRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "LV_PERSONAS_KODS"
RECOGNIZER = LvPersonasKodsRecognizer()

VALID = (
    ("161175-19997", WEAK_SCORE),
    ("16117519997", WEAK_SCORE),
    ("328673-00679", WEAK_SCORE),
    ("15078512340", WEAK_SCORE),
    ("01019922342", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "161375-19997",
    "328673-00677",
    "161175-19998",
)
NEAR_MISSES = (
    "40003521600",
    "161175-1999",
    "161175-199977",
    "161175--19997",
    *DATE_LIKE,
    *embedded("16117519997"),
)


def test_exact_spans_in_sentence():
    text = "Personas kods 161175-19997; 328673-00679."
    assert pattern_spans(RECOGNIZER, text) == [
        (14, 26, ENTITY, WEAK_SCORE),
        (28, 40, ENTITY, WEAK_SCORE),
    ]
