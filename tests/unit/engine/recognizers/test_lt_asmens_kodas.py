"""LT_ASMENS_KODAS: Lithuania asmens kodas (stdnum.lt.asmens).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import LtAsmensKodasRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "LT_ASMENS_KODAS"
RECOGNIZER = LtAsmensKodasRecognizer()

VALID = (
    ("33309240064", WEAK_SCORE),
    ("49001011238", WEAK_SCORE),
    ("38507099878", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "33309240164",
    "33309240065",
    "38513099878",
)
NEAR_MISSES = (
    "3330924006",
    "333092400644",
    "73309240064",
    *DATE_LIKE,
    *embedded("33309240064"),
)


def test_exact_spans_in_sentence():
    text = "Asmens kodas 33309240064 ir 38507099878"
    assert pattern_spans(RECOGNIZER, text) == [
        (13, 24, ENTITY, WEAK_SCORE),
        (28, 39, ENTITY, WEAK_SCORE),
    ]
