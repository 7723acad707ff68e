"""ES_NIE: Spain NIE (stdnum.es.nie, X/Y/Z + mod 23 check letter).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import EsNieRecognizer
from privscan.engine.recognizers.stdnum_recognizer import MEDIUM_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "ES_NIE"
RECOGNIZER = EsNieRecognizer()

VALID = (
    ("X2482300W", MEDIUM_SCORE),
    ("X-2482300-W", MEDIUM_SCORE),
    ("x2482300w", MEDIUM_SCORE),
    ("Y1234567X", MEDIUM_SCORE),
    ("Z7654321H", MEDIUM_SCORE),
)
INVALID_CHECKSUM = (
    "X2482300A",
    "Y1234567Y",
    "Z7654321A",
)
NEAR_MISSES = (
    "X248230W",
    "W2482300W",
    "AX2482300W",
    "X24823000W",
    "X2482300WW",
    *DATE_LIKE,
    *embedded("X2482300W"),
)


def test_exact_spans_in_sentence():
    text = "NIE X-2482300-W, Y1234567X."
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 15, ENTITY, MEDIUM_SCORE),
        (17, 26, ENTITY, MEDIUM_SCORE),
    ]
