"""IT_FISCAL_CODE: Italy codice fiscale (stdnum.it.codicefiscale, mod 26 check letter).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import ItFiscalCodeRecognizer
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "IT_FISCAL_CODE"
RECOGNIZER = ItFiscalCodeRecognizer()

VALID = (
    ("RCCMNL83S18D969H", STRONG_SCORE),
    ("MRARSS80A01H501T", STRONG_SCORE),
    ("BNCLRA92M41F205B", STRONG_SCORE),
    ("rccmnl83s18d969h", STRONG_SCORE),
)
INVALID_CHECKSUM = (
    "RCCMNL83S18D969X",
    "MRARSS80A01H501U",
    "BNCLRA92M41F205C",
)
NEAR_MISSES = (
    "RCCMNL83S18D969",
    "RCCMNL83S18D969HX",
    "XRCCMNL83S18D969H",
    "RCCMNL83Z18D969H",
    *DATE_LIKE,
    *embedded("RCCMNL83S18D969H"),
)


def test_exact_spans_in_sentence():
    text = "Codice fiscale RCCMNL83S18D969H, MRARSS80A01H501T."
    assert pattern_spans(RECOGNIZER, text) == [
        (15, 31, ENTITY, STRONG_SCORE),
        (33, 49, ENTITY, STRONG_SCORE),
    ]
