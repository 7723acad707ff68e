"""Latvia: personas kods (personal code)."""

from stdnum.lv import pvn

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class LvPersonasKodsRecognizer(StdnumRecognizer):
    """DDMMYY-CNNNN (birth date, century, serial, check) or, since 2017, 32NNNN-NNNNN.

    Validated by ``stdnum.lv.pvn`` (which covers personal codes, date and
    check digit). Company numbers (first digit above 3) are excluded. Weak score.
    """

    COUNTRY_CODE = "lv"
    ENTITY = "LV_PERSONAS_KODS"
    PATTERNS = (("LV personas kods", bounded(r"[0-3]\d{5}-?[0-2]\d{4}|32\d{4}-?\d{5}"), WEAK_SCORE),)
    CONTEXT = (
        "personas kods",
        "personas",
        "personal code",
        "latvian",
    )
    VALIDATOR = pvn

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """A valid personal code that starts with a day of the month (0 to 3)."""
        return compact[:1] in "0123" and super().is_valid_id(compact)
