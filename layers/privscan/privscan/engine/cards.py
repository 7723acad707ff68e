"""Payment card numbers: issuer ranges and lengths, then Luhn (python-stdnum).

Presidio's CreditCardRecognizer accepts 13-digit numbers starting with 4 (a Visa
length no longer issued), so EAN-13 barcodes of German products (400–440) that
pass Luhn become cards; it also misses Mastercard's 2-series (2221–2720). Here a
candidate must have a length its issuer uses, and digits glued to an IBAN prefix
(``AT75 6600 …``) are not a card.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum import luhn

# Lengths still in circulation but shared with too many other numbers (13-digit Visa and EAN-13
# barcodes, 12-digit Maestro and order numbers): reported only with a card word nearby.
WEAK_LENGTHS = (
    (re.compile(r"4"), {13}),
    (re.compile(r"5[06-9]|6[0-9]"), {12, 13}),
)
# (issuer prefix pattern over the first digits, allowed lengths)
ISSUERS = (
    (re.compile(r"2131|1800"), {15}),  # JCB, legacy ranges
    (re.compile(r"4"), {16, 19}),  # Visa
    (re.compile(r"5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720"), {16}),  # Mastercard
    (re.compile(r"3[47]"), {15}),  # American Express
    (re.compile(r"3(?:0[0-5]|[68])"), {14, 16}),  # Diners Club
    (re.compile(r"6011|65|64[4-9]|622"), {16, 19}),  # Discover, China UnionPay co-branded
    (re.compile(r"35(?:2[89]|[3-8]\d)"), {16, 19}),  # JCB
    (re.compile(r"5[06-9]|6[0-9]"), {16, 19}),  # Maestro and other debit
)
WEAK_SCORE = 0.3
_IBAN_PREFIX = re.compile(r"[A-Z]{2}\d{2}[ ]?$")


def _issued(digits: str, table) -> bool:
    return any(prefix.match(digits) and len(digits) in lengths for prefix, lengths in table)


def is_card_number(digits: str) -> bool:
    """Whether the digits are a payment card number: an issuer's prefix and length, and a valid Luhn check digit."""
    return _issued(digits, ISSUERS) and luhn.is_valid(digits)


# Not inside a longer word, SKU or decimal number: the 16 digits after "1." in a float column's
# "1.2547995570683619" pass Luhn one time in ten.
_LEFT, _RIGHT = r"(?<![\w-])(?<!\d[.,])", r"(?![\w-])(?![.,]\d)"


class PaymentCardRecognizer(PatternRecognizer):
    """Payment card numbers, grouped or plain, validated by issuer prefix and Luhn; digits inside an IBAN are not
    cards."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("card (grouped)", rf"{_LEFT}\d{{4}}(?:[ -]\d{{4}}){{2}}[ -]\d{{2,7}}{_RIGHT}", 0.5),
        Pattern("card (amex grouped)", rf"{_LEFT}3[47]\d{{2}}[ -]\d{{6}}[ -]\d{{5}}{_RIGHT}", 0.5),
        Pattern("card (plain)", rf"{_LEFT}\d{{12,19}}{_RIGHT}", WEAK_SCORE),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "card",
        "credit",
        "debit",
        "visa",
        "mastercard",
        "amex",
        "karte",
        "kreditkarte",
        "carte",
        "tarjeta",
        "carta",
        "kaart",
        "karta",
        "pan",
    ]

    def __init__(self, supported_language: str = "en"):
        super().__init__(
            supported_entity="CREDIT_CARD",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name="privscan.PaymentCard",
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """Presidio's pattern results, without numbers that are the tail of an IBAN."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not _IBAN_PREFIX.search(text[max(0, r.start - 5) : r.start])]

    def validate_result(self, pattern_text: str) -> bool | None:
        """True: an issued card number (score 1.0). None: a weak length, kept at its pattern score so that
        only a card word nearby reports it. False: not a card."""
        digits = re.sub(r"[ -]", "", pattern_text)
        if is_card_number(digits):
            return True
        return None if _issued(digits, WEAK_LENGTHS) and luhn.is_valid(digits) else False
