"""Croatia: osobni identifikacijski broj (OIB)."""

from stdnum.hr import oib

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class HrOibRecognizer(StdnumRecognizer):
    """11 digits, ISO 7064 mod 11,10, no embedded data (``stdnum.hr.oib``). Weak score.

    The ``HR`` prefixed form is a VAT number (``EU_VAT_NUMBER``).
    """

    COUNTRY_CODE = "hr"
    ENTITY = "HR_OIB"
    PATTERNS = (("HR OIB", bounded(r"\d{11}"), WEAK_SCORE),)
    CONTEXT = (
        "oib",
        "osobni identifikacijski broj",
        "identifikacijski",
        "personal identification number",
        "croatian",
    )
    VALIDATOR = oib
