import pytest
from privscan.engine.cards import PaymentCardRecognizer

RECOGNIZER = PaymentCardRecognizer()


def spans(text):
    return [(r.start, r.end, r.score) for r in RECOGNIZER.analyze(text, ["CREDIT_CARD"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("card 4012888888881881 ok", [(5, 21, 1.0)]),  # Visa, Luhn-valid test number
        ("4012-8888-8888-1881", [(0, 19, 1.0)]),
        ("5105 1051 0510 5100", [(0, 19, 1.0)]),  # Mastercard 5-series
        ("2223 0000 4841 0010", [(0, 19, 1.0)]),  # Mastercard 2-series (Presidio's pattern misses it)
        ("Amex 3782 822463 10005", [(5, 22, 1.0)]),
        ("36227206271667", [(0, 14, 1.0)]),  # Diners, 14 digits
        ("card 4012888888881881.", [(5, 21, 1.0)]),  # at the end of a sentence
        ("cards: 4012888888881881, 5105105105105100", [(7, 23, 1.0), (25, 41, 1.0)]),
    ],
)
def test_cards_with_exact_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "EAN 4006381333931",  # 13-digit barcode of a German product that passes Luhn
        "4012888888881882",  # Luhn fails
        "1234 5678 9012 3456",  # no issuer starts with 1
        "ref AT75 6600 1234 5678 9012",  # the digits of an IBAN-shaped reference
        "order 40128888888818811",  # 17 digits: no Visa length
        "SKU-4012888888881881",
        "0.4012888888881881",  # the digits of a float: a feature table holds millions
        "-1.4012888888881881",
        "4012888888881881.25",
        "4012888888881881,5",
        "0,4012 8888 8888 1881",
    ],
)
def test_near_misses_are_not_cards(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("4222222222222", []),  # 13-digit Visa alone: an EAN-13 barcode looks the same
        ("card 4222222222222", [(5, 18, 0.3)]),  # kept at its pattern score; Presidio's context lifts it
        ("180001234567899", [(0, 15, 1.0)]),  # JCB legacy 15-digit range
    ],
)
def test_weak_lengths_need_a_card_word(text, expected):
    results = [(r.start, r.end, r.score) for r in RECOGNIZER.analyze(text, ["CREDIT_CARD"])]
    assert [r for r in results if r[2] >= 0.5 or "card" in text] == expected
