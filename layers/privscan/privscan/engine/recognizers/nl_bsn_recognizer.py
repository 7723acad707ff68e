"""Netherlands: burgerservicenummer (BSN, formerly sofinummer)."""

from stdnum.nl import bsn

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class NlBsnRecognizer(StdnumRecognizer):
    """9 digits (8 when the leading zero is dropped), "11-proof" (``stdnum.nl.bsn``).

    Accepts ``111222333``, ``1112.22.333``, ``111.222.333``, ``111 222 333`` and
    ``111-222-333``. The 11-proof passes about 1 in 11 random numbers: weak score.
    """

    COUNTRY_CODE = "nl"
    ENTITY = "NL_BSN"
    PATTERNS = (
        ("NL BSN (plain)", bounded(r"\d{8,9}"), WEAK_SCORE),
        ("NL BSN (grouped)", bounded(r"\d{4}\.\d{2}\.\d{3}|\d{3}([ .\-])\d{3}\1\d{3}"), WEAK_SCORE),
    )
    CONTEXT = (
        "bsn",
        "burgerservicenummer",
        "burgerservice",
        "sofinummer",
        "sofi",
        "citizen service number",
    )
    VALIDATOR = bsn

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        # stdnum zero-pads short input ("12" -> "000000012"): insist on 8 or 9 digits
        """An 8- or 9-digit number passing the BSN eleven-test."""
        return len(compact) in (8, 9) and super().is_valid_id(compact)
