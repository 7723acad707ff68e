"""Phone numbers, EU-wide, in one pass instead of one pass per region.

Presidio's PhoneRecognizer runs `phonenumbers.PhoneNumberMatcher` once per region
and scores every match 0.4. privscan finds international numbers (``+33 6 12 …``)
in a single region-free pass and scores a valid one as strong evidence; national
formats (``030 1234567``) are ambiguous: a value that is only a number (a cell
of a phone column) is parsed directly, in running text they are looked for only
next to a phone word, and either way they keep a low score that context (a word
nearby, or the column name) must lift.
"""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

CONTEXT = [
    "phone",
    "telephone",
    "tel",
    "mobile",
    "cell",
    "cellphone",
    "call",
    "ring",
    "whatsapp",
    "sms",
    "fax",
    "telefon",
    "telefonnummer",
    "handy",
    "mobilnummer",
    "rufnummer",
    "téléphone",
    "portable",
    "tél",
    "teléfono",
    "móvil",
    "movil",
    "telefono",
    "cellulare",
    "telefoonnummer",
    "mobiel",
    "numer",
    "telefonu",
]
_CONTEXT_HINT = re.compile(r"(?i)\b(" + "|".join(map(re.escape, CONTEXT)) + r")")
SHORT_VALUE = 40  # chars: a value this short is a field, not prose
MIN_DIGITS = 6  # the shortest subscriber numbers in Europe, with area code
# Where national formats (no country code) are tried, most-populous first: every EU/EEA state, the UK, Switzerland.
NATIONAL_REGIONS = (
    "DE",
    "FR",
    "IT",
    "ES",
    "PL",
    "RO",
    "NL",
    "BE",
    "CZ",
    "SE",
    "PT",
    "GR",
    "HU",
    "AT",
    "BG",
    "DK",
    "FI",
    "SK",
    "IE",
    "HR",
    "LT",
    "SI",
    "LV",
    "EE",
    "CY",
    "LU",
    "MT",
    "NO",
    "CH",
    "GB",
)
# A value that is nothing but a phone number (a cell of a phone column): parsed directly, which is
# many times cheaper than running PhoneNumberMatcher over it once per region.
_INTERNATIONAL = re.compile(r"(?<![\d])(?:\+|00)\s?\(?\d")  # a number that starts with a country code
_DATE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}")
_WHOLE_NUMBER = re.compile(r"\s*(\+|00)?[\d\s().\-/]{6,28}(\s*(x|ext\.?)\s*\d{1,5})?\s*")


class EuPhoneRecognizer(PhoneRecognizer):
    """Phone numbers of the EU member states, international or in national format, validated with libphonenumber."""

    INTERNATIONAL_SCORE = 0.7
    NATIONAL_SCORE = 0.4

    def __init__(self, supported_language: str = "en", national_regions: tuple[str, ...] = NATIONAL_REGIONS):
        super().__init__(supported_language=supported_language, context=CONTEXT, supported_regions=national_regions)
        # In running text every region costs a full PhoneNumberMatcher pass and adds false hits on
        # dates and versions: only the largest markets there; whole values get every region.
        self.prose_regions = national_regions[:8]
        # `_all_digits_within` holds where 00 starts an international number in every region of the prose pass
        self._idd_00 = all(
            getattr(phonenumbers.PhoneMetadata.metadata_for_region(region), "international_prefix", None) == "00"
            for region in self.prose_regions
        )

    def analyze(self, text, entities, nlp_artifacts=None):
        """The phone numbers in `text`; bare whole numbers too short to be one are skipped."""
        if not any(ch.isdigit() for ch in text):
            return []
        if len(text) <= SHORT_VALUE and _WHOLE_NUMBER.fullmatch(text):
            # a value that is nothing but a number (a cell): it is a phone number, or it is not one at all
            if _DATE.fullmatch(text.strip()):
                return []
            whole = self._whole_value(text)
            return [whole] if whole is not None else []
        results: dict[tuple[int, int], RecognizerResult] = {}
        if _INTERNATIONAL.search(text):
            # "DE" only tells phonenumbers that 00 is the international prefix (as in all of Europe);
            # numbers written without a country code are left to the national pass below.
            for match in phonenumbers.PhoneNumberMatcher(text, "DE", leniency=self.leniency):
                if match.raw_string.lstrip("(").startswith(("+", "00")):
                    results[(match.start, match.end)] = self._result(match, self.INTERNATIONAL_SCORE)
        if results and self._idd_00 and _all_digits_within(text, results):
            return list(results.values())  # a national pass could only find these numbers again
        if _CONTEXT_HINT.search(text):  # national formats are ambiguous: only next to a phone word
            for region in self.prose_regions:
                for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=self.leniency):
                    results.setdefault((match.start, match.end), self._result(match, self.NATIONAL_SCORE))
        return list(results.values())

    def _whole_value(self, text: str) -> RecognizerResult | None:
        """The whole (stripped) value as one number, if it is a valid one: international first, then national."""
        stripped = text.strip()
        if sum(ch.isdigit() for ch in stripped) < MIN_DIGITS:
            return None
        start = len(text) - len(text.lstrip())
        international = stripped.startswith(("+", "00"))
        for region, score in ([(None, self.INTERNATIONAL_SCORE)] if international else []) + [
            (region, self.NATIONAL_SCORE) for region in self.supported_regions
        ]:
            try:
                number = phonenumbers.parse(stripped, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return RecognizerResult(
                    self.supported_entities[0],
                    start,
                    start + len(stripped),
                    score,
                    analysis_explanation=self._get_analysis_explanation(region or "international"),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
        return None

    def _result(self, match, score: float) -> RecognizerResult:
        region = phonenumbers.region_code_for_number(match.number) or "international"
        result = self._get_recognizer_result(match, "", region, None)
        result.score = score
        return result


def _all_digits_within(text: str, spans) -> bool:
    """Whether every digit of `text` lies inside one of `spans` ((start, end) keys).

    Then the national passes have nothing new to find: PhoneNumberMatcher's candidates are found by one pattern
    whatever the region, and a candidate holding a number written with its country code (``+``, or ``00``, the
    international prefix of every region of the prose pass) parses to the same number, valid or not, in any
    region; every other candidate would need a digit outside those numbers.
    """
    digits = [index for index, ch in enumerate(text) if ch.isdigit()]
    return all(any(start <= index < end for start, end in spans) for index in digits)


def possible_phone_value(text: str, regions: tuple[str, ...] = NATIONAL_REGIONS) -> tuple[int, int] | None:
    """Span of `text` when the whole value is a possible phone number (length and country code fit).

    Cheaper than validity: used for cells of a column whose sample already proved it holds phone numbers.
    """
    stripped = text.strip()
    if (
        not stripped
        or len(stripped) > SHORT_VALUE
        or not _WHOLE_NUMBER.fullmatch(text)
        or _DATE.fullmatch(stripped)
        or sum(ch.isdigit() for ch in stripped) < MIN_DIGITS
    ):
        return None
    for region in (None, *regions) if stripped.startswith(("+", "00")) else regions:
        try:
            if phonenumbers.is_possible_number(phonenumbers.parse(stripped, region)):
                start = len(text) - len(text.lstrip())
                return start, start + len(stripped)
        except phonenumbers.NumberParseException:
            continue
    return None
