"""Malta: identity card number."""

from .stdnum_recognizer import CASE_SENSITIVE_FLAGS, StdnumRecognizer, bounded

MT_ID_SCORE = 0.3


class MtIdCardRecognizer(StdnumRecognizer):
    """Up to 7 digits + a letter (M, G, A, P, L, H, B, Z), e.g. ``0012345M``.

    There is no checksum (format "unverified" in eu_rules.md) and python-stdnum
    has no module: the lowest score, reported only with a context word.
    """

    COUNTRY_CODE = "mt"
    CHECK = "layout"
    ENTITY = "MT_ID_CARD"
    PATTERNS = (("MT ID card", bounded(r"\d{3,7}[MGAPLHBZ]"), MT_ID_SCORE),)
    CONTEXT = (
        "karta tal-identità",
        "identità",
        "maltese",
        "malta",
        "id card",
        "identity card",
    )
    REGEX_FLAGS = CASE_SENSITIVE_FLAGS

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """Any value of the pattern: the card number has no check digit."""
        return True
