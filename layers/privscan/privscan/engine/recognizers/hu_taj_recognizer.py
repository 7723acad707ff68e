"""Hungary: TAJ szám (social security number)."""

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded

_TAJ_WEIGHTS = (3, 7, 3, 7, 3, 7, 3, 7)


class HuTajRecognizer(StdnumRecognizer):
    """9 digits: 8 digits and a check digit, weights 3 and 7 alternating, mod 10.

    python-stdnum has no TAJ module, so the check is implemented here (the
    algorithm is marked "unverified" in eu_rules.md). One in ten random numbers
    passes: weak score. Accepts ``123 456 782`` and ``123-456-782``.
    """

    COUNTRY_CODE = "hu"
    ENTITY = "HU_TAJ"
    PATTERNS = (("HU TAJ", bounded(r"\d{3}([ \-]?)\d{3}\1\d{3}"), WEAK_SCORE),)
    CONTEXT = (
        "taj",
        "taj szám",
        "társadalombiztosítási",
        "tb-szám",
        "hungarian social security",
        "hungarian",
    )

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """Nine digits with a valid TAJ check digit."""
        if len(compact) != 9 or not compact.isdigit():
            return False
        total = sum(int(d) * w for d, w in zip(compact[:8], _TAJ_WEIGHTS, strict=True))
        return total % 10 == int(compact[8])
