"""ES_NIF: Spain DNI / NIF (stdnum.es.dni, mod 23 check letter).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import EsNifRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "ES_NIF"
RECOGNIZER = EsNifRecognizer()

VALID = (
    ("54362315K", WEAK_SCORE),
    ("54362315-K", WEAK_SCORE),
    ("54362315 K", WEAK_SCORE),
    ("12345678Z", WEAK_SCORE),
    ("87654321X", WEAK_SCORE),
    ("54362315k", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "54362315Z",
    "12345678A",
    "54362315-Z",
)
NEAR_MISSES = (
    "5436231K",
    "543623155K",
    "54362315KK",
    "X2482300W",
    "54362315--K",
    *DATE_LIKE,
    *embedded("54362315K"),
)


def test_exact_spans_in_sentence():
    text = "DNI 54362315-K y 12345678Z."
    assert pattern_spans(RECOGNIZER, text) == [
        (4, 14, ENTITY, WEAK_SCORE),
        (17, 26, ENTITY, WEAK_SCORE),
    ]
