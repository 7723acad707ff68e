"""Bulgaria: ЕГН / EGN (единен граждански номер)."""

from stdnum.bg import egn

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class BgEgnRecognizer(StdnumRecognizer):
    """10 digits YYMMDD (century coded in the month) + serial + weighted mod 11.

    Validated by ``stdnum.bg.egn``. Weak score.
    """

    COUNTRY_CODE = "bg"
    ENTITY = "BG_EGN"
    PATTERNS = (("BG EGN", bounded(r"\d{10}"), WEAK_SCORE),)
    CONTEXT = (
        "егн",
        "egn",
        "единен граждански номер",
        "граждански",
        "unified civil number",
        "bulgarian",
    )
    VALIDATOR = egn
