"""IT_FISCAL_CODE: Italy codice fiscale (stdnum.it.codicefiscale, mod 26 check letter).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

import pytest
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


@pytest.mark.parametrize(("number", "score"), VALID)
def test_valid_number_found_with_exact_span(number, score):
    text = f"ID {number}, thanks."
    assert pattern_spans(RECOGNIZER, text) == [(3, 3 + len(number), ENTITY, score)]


@pytest.mark.parametrize(("number", "score"), VALID)
def test_valid_number_alone_and_at_sentence_end(number, score):
    assert pattern_spans(RECOGNIZER, number) == [(0, len(number), ENTITY, score)]
    assert pattern_spans(RECOGNIZER, f"({number}).") == [(1, 1 + len(number), ENTITY, score)]


@pytest.mark.parametrize("number", INVALID_CHECKSUM)
def test_invalid_number_not_matched(number):
    assert pattern_spans(RECOGNIZER, f"ID {number}, thanks.") == []


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_not_matched(text):
    assert pattern_spans(RECOGNIZER, f"see {text} here") == []


def test_exact_spans_in_sentence():
    text = "Codice fiscale RCCMNL83S18D969H, MRARSS80A01H501T."
    assert pattern_spans(RECOGNIZER, text) == [
        (15, 31, ENTITY, STRONG_SCORE),
        (33, 49, ENTITY, STRONG_SCORE),
    ]
