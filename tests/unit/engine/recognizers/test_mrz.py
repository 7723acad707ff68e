"""MRZ: machine-readable zones of passports (TD3) and identity cards (TD1, TD2).

The zones are the ICAO 9303 specimens of the fictional state "Utopia".
"""

import pytest
from privscan.engine.recognizers import MrzRecognizer
from privscan.engine.recognizers.mrz_recognizer import MRZ_SCORE, check_digit

from tests.unit.engine.recognizers.id_cases import pattern_spans

ENTITY = "MRZ"
RECOGNIZER = MrzRecognizer()

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")
#: TD3 whose optional personal-number field is empty, with "<" as its check digit
TD3_EMPTY_OPTIONAL = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8")


def _replace(line: str, index: int, char: str) -> str:
    return line[:index] + char + line[index + 1 :]


@pytest.mark.parametrize(
    ("field", "expected"),
    [("L898902C3", "6"), ("740812", "2"), ("120415", "9"), ("ZE184226B<<<<<", "1"), ("D23145890", "7")],
)
def test_icao_check_digit(field, expected):
    assert check_digit(field) == expected


@pytest.mark.parametrize(
    "lines",
    [TD3, TD1, TD2, TD3_EMPTY_OPTIONAL],
    ids=["TD3", "TD1", "TD2", "TD3-empty-optional"],
)
@pytest.mark.parametrize(
    "separator", ["\n", "\r\n", " ", "", "\\n"], ids=["lf", "crlf", "space", "none", "json-escaped"]
)
def test_valid_zone_found_with_exact_span(lines, separator):
    zone = separator.join(lines)
    text = f"scan: {zone} end"
    assert pattern_spans(RECOGNIZER, text) == [(6, 6 + len(zone), ENTITY, MRZ_SCORE)]


def test_zone_in_multiline_document():
    text = "Passport copy\n" + "\n".join(TD3) + "\nthanks"
    assert pattern_spans(RECOGNIZER, text) == [(14, 103, ENTITY, MRZ_SCORE)]


@pytest.mark.parametrize(
    "lines",
    [
        (TD3[0], _replace(TD3[1], 9, "7")),  # document-number check digit
        (TD3[0], _replace(TD3[1], 19, "3")),  # birth-date check digit
        (TD3[0], _replace(TD3[1], 27, "8")),  # expiry check digit
        (TD3[0], _replace(TD3[1], 42, "2")),  # optional-data check digit
        (TD3[0], _replace(TD3[1], 43, "1")),  # composite check digit
        (TD3[0], _replace(TD3[1], 1, "9")),  # altered document number
        (_replace(TD1[0], 14, "8"), TD1[1], TD1[2]),
        (TD1[0], _replace(TD1[1], 29, "5"), TD1[2]),
        (TD1[0], _replace(TD1[1], 2, "1"), TD1[2]),
        (TD2[0], _replace(TD2[1], 35, "5")),
    ],
    ids=[
        "td3-doc",
        "td3-birth",
        "td3-expiry",
        "td3-optional",
        "td3-composite",
        "td3-altered",
        "td1-doc",
        "td1-composite",
        "td1-altered",
        "td2-composite",
    ],
)
def test_wrong_check_digit_not_matched(lines):
    assert pattern_spans(RECOGNIZER, "\n".join(lines)) == []


@pytest.mark.parametrize(
    "text",
    [
        TD3[1],  # one line only
        TD3[0],
        TD3[0][:-1] + "\n" + TD3[1],  # 43-character first line
        TD3[0] + "\n" + TD3[1] + "<",  # 45-character second line
        ("\n".join(TD3)).lower(),
        "X" + "\n".join(TD3),  # glued to another token
        "\n".join(TD1[:2]),  # TD1 without the name line
        "\n\n\n".join(TD3),  # lines too far apart
    ],
    ids=["line2-only", "line1-only", "short-line", "long-line", "lowercase", "glued", "td1-two-lines", "far-apart"],
)
def test_near_miss_not_matched(text):
    assert pattern_spans(RECOGNIZER, text) == []


def test_two_zones_in_one_text():
    first = "\n".join(TD3)
    second = "\n".join(TD1)
    text = f"{first}\n--\n{second}"
    assert pattern_spans(RECOGNIZER, text) == [
        (0, 89, ENTITY, MRZ_SCORE),
        (93, 185, ENTITY, MRZ_SCORE),
    ]
