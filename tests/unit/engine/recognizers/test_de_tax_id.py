"""DE_TAX_ID: Germany Steuer-ID / IdNr (stdnum.de.idnr, ISO 7064 mod 11,10).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import DeTaxIdRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "DE_TAX_ID"
RECOGNIZER = DeTaxIdRecognizer()

VALID = (
    ("36574261809", WEAK_SCORE),
    ("36 574 261 809", WEAK_SCORE),
    ("86095742719", WEAK_SCORE),
    ("12345678911", WEAK_SCORE),
    ("51830264948", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "36574261890",
    "36554266806",
    "86095742718",
    "36 574 261 808",
)
NEAR_MISSES = (
    "3657426180",
    "365742618091",
    "06574261809",
    "36 574 261 8090",
    *DATE_LIKE,
    *embedded("36574261809"),
)


def test_exact_spans_in_sentence():
    text = "Steuer-ID 36 574 261 809, Ehepartner 86095742719."
    assert pattern_spans(RECOGNIZER, text) == [
        (10, 24, ENTITY, WEAK_SCORE),
        (37, 48, ENTITY, WEAK_SCORE),
    ]
