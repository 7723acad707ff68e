"""PT_NIF: Portugal NIF / número de contribuinte (stdnum.pt.nif, mod 11).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import PtNifRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "PT_NIF"
RECOGNIZER = PtNifRecognizer()

VALID = (
    ("501964843", WEAK_SCORE),
    ("501 964 843", WEAK_SCORE),
    ("501.964.843", WEAK_SCORE),
    ("123456789", WEAK_SCORE),
    ("500963851", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "501964842",
    "123456788",
    "501 964 842",
)
NEAR_MISSES = (
    "50196484",
    "5019648430",
    "PT501964843",
    "501 964 8430",
    "501 964.843",
    *DATE_LIKE,
    *embedded("501964843"),
)


def test_exact_spans_in_sentence():
    text = "NIF 501 964 843 e 123456789."
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 15, ENTITY, WEAK_SCORE),
        (18, 27, ENTITY, WEAK_SCORE),
    ]
