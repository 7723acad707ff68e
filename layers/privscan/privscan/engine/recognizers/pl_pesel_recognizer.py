"""Poland: PESEL."""

from stdnum.pl import pesel

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class PlPeselRecognizer(StdnumRecognizer):
    """11 digits YYMMDD (century coded in the month) + serial + check digit.

    Weights 1,3,7,9 mod 10 plus the birth date, via ``stdnum.pl.pesel``. Weak
    score. Replaces Presidio's ``PlPeselRecognizer`` (Polish only, no word
    boundaries, raised to 1.0 on a checksum pass); same entity name.
    """

    COUNTRY_CODE = "pl"
    ENTITY = "PL_PESEL"
    PATTERNS = (("PL PESEL", bounded(r"\d{11}"), WEAK_SCORE),)
    CONTEXT = (
        "pesel",
        "numer pesel",
        "polish national identification",
    )
    VALIDATOR = pesel
