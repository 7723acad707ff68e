"""Phone numbers, EU-wide, in one pass instead of one pass per region.

Presidio's PhoneRecognizer runs `phonenumbers.PhoneNumberMatcher` once per region
and scores every match 0.4. privscan finds international numbers (``+33 6 12 …``)
in a single region-free pass and scores a valid one as strong evidence; national
formats (``030 1234567``) are ambiguous, so they are looked for only in short
values (a cell of a phone column) or next to a phone word, and keep a low score
that context (a word nearby, or the column name) must lift.
"""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

CONTEXT = [
    "phone", "telephone", "tel", "mobile", "cell", "cellphone", "call", "ring", "whatsapp", "sms", "fax",
    "telefon", "telefonnummer", "handy", "mobilnummer", "rufnummer", "téléphone", "portable", "tél",
    "teléfono", "móvil", "movil", "telefono", "cellulare", "telefoonnummer", "mobiel", "numer", "telefonu",
]
_CONTEXT_HINT = re.compile(r"(?i)\b(" + "|".join(map(re.escape, CONTEXT)) + r")")
SHORT_VALUE = 40  # chars: a value this short is a field, not prose


class EuPhoneRecognizer(PhoneRecognizer):
    INTERNATIONAL_SCORE = 0.7
    NATIONAL_SCORE = 0.4

    def __init__(self, supported_language: str = "en", national_regions: tuple[str, ...] = ("DE", "FR", "IT", "ES", "NL")):
        super().__init__(supported_language=supported_language, context=CONTEXT, supported_regions=national_regions)

    def analyze(self, text, entities, nlp_artifacts=None):
        if not any(ch.isdigit() for ch in text):
            return []
        results: dict[tuple[int, int], RecognizerResult] = {}
        if "+" in text or "00" in text:
            for match in phonenumbers.PhoneNumberMatcher(text, None, leniency=self.leniency):
                results[(match.start, match.end)] = self._result(match, self.INTERNATIONAL_SCORE)
        if len(text) <= SHORT_VALUE or _CONTEXT_HINT.search(text):
            for region in self.supported_regions:
                for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=self.leniency):
                    results.setdefault((match.start, match.end), self._result(match, self.NATIONAL_SCORE))
        return list(results.values())

    def _result(self, match, score: float) -> RecognizerResult:
        region = phonenumbers.region_code_for_number(match.number) or "international"
        result = self._get_recognizer_result(match, "", region, None)
        result.score = score
        return result
