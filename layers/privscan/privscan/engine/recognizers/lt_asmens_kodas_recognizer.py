"""Lithuania: asmens kodas (personal code)."""

from stdnum.lt import asmens

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class LtAsmensKodasRecognizer(StdnumRecognizer):
    """11 digits, same layout and check as the Estonian isikukood (``stdnum.lt.asmens``).

    A leading 9 marks special codes without a birth date. Weak score.
    """

    COUNTRY_CODE = "lt"
    ENTITY = "LT_ASMENS_KODAS"
    PATTERNS = (("LT asmens kodas", bounded(r"[1-69]\d{10}"), WEAK_SCORE),)
    CONTEXT = (
        "asmens",
        "asmens kodas",
        "asmens kodą",
        "personal code",
        "lithuanian",
    )
    VALIDATOR = asmens
