"""EU_VAT_NUMBER: VAT numbers of all member states with their country prefix (stdnum.eu.vat).

Numbers are python-stdnum docstring examples (synthetic or public company numbers).
"""

import pytest
from privscan.engine.recognizers import EuVatNumberRecognizer
from privscan.engine.recognizers.eu_vat_number_recognizer import VAT_BODIES
from privscan.engine.recognizers.stdnum_recognizer import STRONG_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "EU_VAT_NUMBER"
RECOGNIZER = EuVatNumberRecognizer()

#: one valid number per prefix, compact form
VALID_BY_COUNTRY = {
    "AT": "ATU13585627",
    "BE": "BE0403019261",
    "BG": "BG175074752",
    "CY": "CY10259033P",
    "CZ": "CZ25123891",
    "DE": "DE136695976",
    "DK": "DK13585628",
    "EE": "EE100931558",
    "EL": "EL094259216",
    "GR": "GR094259216",
    "ES": "ESB58378431",
    "FI": "FI20774740",
    "FR": "FR40303265045",
    "HR": "HR33392005961",
    "HU": "HU12892312",
    "IE": "IE6433435F",
    "IT": "IT00743110157",
    "LT": "LT100001919017",
    "LU": "LU15027442",
    "LV": "LV40003521600",
    "MT": "MT11679112",
    "NL": "NL004495445B01",
    "PL": "PL8567346215",
    "PT": "PT501964843",
    "RO": "RO18547290",
    "SE": "SE123456789701",
    "SI": "SI50223054",
    "SK": "SK2022749619",
    "XI": "XI980780684",
}
#: written forms with separators
VALID_FORMATTED = (
    "ATU 13585627",
    "AT U13585627",
    "BE 0403.019.261",
    "BE 428759497",
    "BG 175 074 752",
    "CY-10259033P",
    "DE 136 695 976",
    "DK 13 58 56 28",
    "EE 100 931 558",
    "EL 094259216",
    "ES B-58378431",
    "FR 40 303 265 045",
    "HU-12892312",
    "IE 6433435OA",
    "LT 100001919017",
    "LU 150 274 42",
    "LV 4000 3521 600",
    "MT 1167-9112",
    "NL4495445B01",
    "NL 004495445 B01",
    "PL 856-734-62-15",
    "PT 501 964 843",
    "RO 185 472 90",
    "SE 123456789701",
    "SI 5022 3054",
    "SK 202 274 96 19",
)
INVALID_CHECKSUM = (
    "ATU13585626",
    "BE0403019262",
    "BG175074751",
    "CY10259033Z",
    "DE136695978",
    "DK13585627",
    "FR40303265046",
    "HR33392005962",
    "IT00743110158",
    "NL004495446B01",
    "PL8567346216",
    "PT501964842",
    "SE123456789101",
    "SK2022749618",
)
NEAR_MISSES = (
    "de136695976",  # the prefix must be upper case
    "XX136695976",  # not a member state
    "US136695976",
    "DE13669597",  # too short
    "DE1366959761",  # too long
    "ADE136695976",  # glued to a word
    "DE136695976X",
    "NL004495445C01",
    *DATE_LIKE,
    *embedded("DE136695976"),
)


def test_every_member_state_has_a_pattern_and_a_valid_example():
    assert set(VAT_BODIES) == set(VALID_BY_COUNTRY)
    assert len(RECOGNIZER.patterns) == len(VAT_BODIES)


@pytest.mark.parametrize("number", VALID_BY_COUNTRY.values())
def test_valid_vat_number_found_with_exact_span(number):
    text = f"VAT no. {number}, thanks."
    assert pattern_spans(RECOGNIZER, text) == [(8, 8 + len(number), ENTITY, STRONG_SCORE)]


@pytest.mark.parametrize("number", VALID_FORMATTED)
def test_formatted_vat_number_found_with_exact_span(number):
    text = f"({number})"
    assert pattern_spans(RECOGNIZER, text) == [(1, 1 + len(number), ENTITY, STRONG_SCORE)]


@pytest.mark.parametrize("number", INVALID_CHECKSUM)
def test_invalid_vat_number_not_matched(number):
    assert pattern_spans(RECOGNIZER, f"VAT no. {number}, thanks.") == []


def test_number_followed_by_other_digits_keeps_the_valid_prefix_only():
    text = "BG 175074752 12 items"
    assert pattern_spans(RECOGNIZER, text) == [(0, 12, ENTITY, STRONG_SCORE)]


def test_exact_spans_in_sentence():
    text = "Seller DE136695976, buyer FR 40 303 265 045; IT00743110158 is wrong."
    assert pattern_spans(RECOGNIZER, text) == [
        (7, 18, ENTITY, STRONG_SCORE),
        (26, 43, ENTITY, STRONG_SCORE),
    ]
