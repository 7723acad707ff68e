"""Ireland: Personal Public Service Number (PPSN)."""

from stdnum.ie import pps

from .stdnum_recognizer import CASE_SENSITIVE_FLAGS, WEAK_SCORE, StdnumRecognizer, bounded


class IePpsnRecognizer(StdnumRecognizer):
    """7 digits + check letter (mod 23) + optional A/B/H/W/T/X (``stdnum.ie.pps``).

    Accepts ``6433435F``, ``6433435OA`` and ``6433435 FW``. Weak score: one
    random candidate in 23 passes and "7 digits + letter" is a common product-code shape.
    """

    COUNTRY_CODE = "ie"
    ENTITY = "IE_PPSN"
    PATTERNS = (("IE PPSN", bounded(r"\d{7}[ \-]?[A-W][ABHTWX]?"), WEAK_SCORE),)
    CONTEXT = (
        "pps",
        "ppsn",
        "psp",
        "uimhir psp",
        "personal public service",
        "rsi number",
        "revenue",
    )
    VALIDATOR = pps
    REGEX_FLAGS = CASE_SENSITIVE_FLAGS  # "1234567 at" is prose, not a PPSN
