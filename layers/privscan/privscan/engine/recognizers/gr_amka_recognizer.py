"""Greece: ΑΜΚΑ (social security number)."""

from stdnum.gr import amka

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class GrAmkaRecognizer(StdnumRecognizer):
    """11 digits DDMMYY + 5, Luhn and birth date (``stdnum.gr.amka``). Weak score."""

    COUNTRY_CODE = "gr"
    ENTITY = "GR_AMKA"
    PATTERNS = (("GR AMKA", bounded(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{7}"), WEAK_SCORE),)
    CONTEXT = (
        "amka",
        "αμκα",
        "α.μ.κ.α",
        "μητρώου κοινωνικής ασφάλισης",
        "ασφάλισης",
        "social security",
        "social",
    )
    VALIDATOR = amka
