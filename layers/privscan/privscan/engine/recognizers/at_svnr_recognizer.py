"""Austria: Sozialversicherungsnummer (SVNR / VSNR)."""

from stdnum.at import vnr

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class AtSvnrRecognizer(StdnumRecognizer):
    """10 digits: 3 serial, check digit, DDMMYY (``stdnum.at.vnr``, weighted mod 11).

    Accepts ``1237010180`` and ``1237 010180``. Weak score: about 1 in 11 random
    10-digit numbers pass.
    """

    COUNTRY_CODE = "at"
    ENTITY = "AT_SVNR"
    PATTERNS = (("AT SVNR", bounded(r"[1-9]\d{3} ?\d{6}"), WEAK_SCORE),)
    CONTEXT = (
        "svnr",
        "vsnr",
        "sozialversicherungsnummer",
        "sozialversicherung",
        "versicherungsnummer",
        "e-card",
        "ecard",
        "social security",
        "social",
    )
    VALIDATOR = vnr
