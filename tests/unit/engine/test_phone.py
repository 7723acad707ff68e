import pytest
from privscan.engine.phone import EuPhoneRecognizer

RECOGNIZER = EuPhoneRecognizer()


def spans(text):
    return sorted((r.start, r.end, r.score) for r in RECOGNIZER.analyze(text, ["PHONE_NUMBER"]))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("+49 151 23456789", [(0, 16, 0.7)]),  # a whole value, international: strong
        (" +49 (0) 30 1234567 ", [(1, 19, 0.7)]),
        ("030 1234567", [(0, 11, 0.4)]),  # national: needs context (column name or a word nearby)
        ("06 12 34 56 78", [(0, 14, 0.4)]),
        ("Call back on +49 151 23456789 please.", [(13, 29, 0.7)]),
        ("my phone is 030 1234567", [(12, 23, 0.4)]),
        ("0033 6 12 34 56 78", [(0, 18, 0.4)]),
    ],
)
def test_phone_numbers_with_exact_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12345",
        "2024-01-05",
        "05.01.2024",
        "123.45",
        "order 0301234567 shipped last week to the warehouse",
        "Version 4.2.1 build 20240101",
        "+49 12",
    ],
)
def test_near_misses_are_not_phone_numbers(text):
    assert spans(text) == []


def test_a_national_number_in_a_phone_column_is_lifted_by_the_column_name(scanner):
    from privscan.engine.detect import Unit

    (found,) = scanner.detector.run([Unit("030 1234567", 0, "phone", None, "pattern")])
    assert [(e, s, t) for e, s, t, *_ in found] == [("PHONE_NUMBER", 0, 11)]
    (nothing,) = scanner.detector.run([Unit("030 1234567", 0, "amount", None, "pattern")])
    assert nothing == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("+49 151 23456789", (0, 16)),
        (" (0211) 123456 ", (1, 14)),
        ("06 12 34 56 78", (0, 14)),
        ("2024-01-05", None),
        ("n/a", None),
        ("12", None),
        ("anna@example.com", None),
    ],
)
def test_whole_values_of_a_phone_column_are_confirmed_cheaply(text, expected):
    from privscan.engine.phone import possible_phone_value

    assert possible_phone_value(text) == expected


PROSE = [
    ("Please call me on +33 6 10013935.", [(18, 32, 0.7)]),
    ("Call +49 30 1234567 or 030 1234567", [(5, 19, 0.7), (23, 34, 0.4)]),  # a national number beside it
    ("call 0033 6 10013935 now", [(5, 20, 0.7)]),
    ("phone +49 151 23456789, order 4711 shipped", [(6, 22, 0.7)]),  # other digits: the national passes run
    ("ring +33 6 10013935 or +49 151 23456789", [(5, 19, 0.7), (23, 39, 0.7)]),
]


@pytest.mark.parametrize("text, expected", PROSE)
def test_national_passes_are_skipped_only_where_they_cannot_add_a_number(text, expected, monkeypatch):
    full = EuPhoneRecognizer()
    full._idd_00 = False  # always every pass
    expected_full = sorted((r.start, r.end, r.score) for r in full.analyze(text, ["PHONE_NUMBER"]))
    assert spans(text) == expected_full == expected


def test_a_turn_holding_only_international_numbers_gets_one_matcher_pass(monkeypatch):
    import phonenumbers

    regions = []
    matcher = phonenumbers.PhoneNumberMatcher

    def counting(text, region, **kwargs):
        regions.append(region)
        return matcher(text, region, **kwargs)

    monkeypatch.setattr(phonenumbers, "PhoneNumberMatcher", counting)
    assert spans("Please call me on +33 6 10013935.") == [(18, 32, 0.7)]
    assert regions == ["DE"]
    regions.clear()
    assert spans("Please call me on +33 6 10013935, ref 12.") == [(18, 32, 0.7)]
    assert len(regions) == 1 + len(RECOGNIZER.prose_regions)  # a digit outside the number: every pass


def test_regions_where_00_is_no_international_prefix_keep_every_pass():
    assert RECOGNIZER._idd_00
    assert not EuPhoneRecognizer(national_regions=("US", "DE"))._idd_00
