"""Estonia: isikukood (personal identification code)."""

from stdnum.ee import ik

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class EeIsikukoodRecognizer(StdnumRecognizer):
    """11 digits GYYMMDDSSSC: gender/century, birth date, serial, two-pass mod 11.

    Validated by ``stdnum.ee.ik`` (date and check digit). Weak score: many
    11-digit numbers pass, and the same algorithm is used in Lithuania.
    """

    COUNTRY_CODE = "ee"
    ENTITY = "EE_ISIKUKOOD"
    PATTERNS = (("EE isikukood", bounded(r"[1-8]\d{10}"), WEAK_SCORE),)
    CONTEXT = (
        "isikukood",
        "isikukoodi",
        "isikukoodiga",
        "personal identification code",
        "estonian",
    )
    VALIDATOR = ik
