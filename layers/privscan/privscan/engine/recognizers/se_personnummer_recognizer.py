"""Sweden: personnummer and samordningsnummer."""

import regex as re
from stdnum.se import personnummer

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class SePersonnummerRecognizer(StdnumRecognizer):
    """YYMMDD-NNNC / YYMMDD+NNNC (100 years or older) / YYYYMMDD-NNNC / bare digits.

    Date (coordination numbers add 60 to the day) and Luhn over the last 10
    digits, via ``stdnum.se.personnummer``. Luhn passes 1 in 10: weak score.
    Replaces Presidio's ``SePersonnummerRecognizer`` (disabled, Swedish only,
    score raised to 1.0 on any Luhn pass).
    """

    COUNTRY_CODE = "se"
    ENTITY = "SE_PERSONNUMMER"
    PATTERNS = (("SE personnummer", bounded(r"(?:(?:18|19|20)\d{2}|\d{2})\d{4}[\-+]?\d{4}"), WEAK_SCORE),)
    CONTEXT = (
        "personnummer",
        "personnr",
        "samordningsnummer",
        "personal identity number",
        "swedish",
    )
    VALIDATOR = personnummer

    @classmethod
    def normalize(cls, text: str) -> str:
        # keep "-" / "+": the plus sign shifts the birth century
        """The number without whitespace, keeping the separator (a plus sign shifts the birth century)."""
        return re.sub(r"\s", "", text)
