"""Finland: henkilötunnus (HETU, personal identity code)."""

from stdnum.fi import hetu

from .stdnum_recognizer import STRONG_SCORE, StdnumRecognizer, bounded


class FiHetuRecognizer(StdnumRecognizer):
    """DDMMYY C ZZZ Q: century sign (+, -, A-F, U-Y), check character mod 31.

    Date plus a 1-in-31 check character in a distinctive layout, validated by
    ``stdnum.fi.hetu``: strong score. Keeps Presidio's entity name.
    """

    COUNTRY_CODE = "fi"
    ENTITY = "FI_PERSONAL_IDENTITY_CODE"
    PATTERNS = (("FI HETU", bounded(r"\d{6}[\-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]"), STRONG_SCORE),)
    CONTEXT = (
        "hetu",
        "henkilötunnus",
        "henkilotunnus",
        "sotu",
        "sosiaaliturvatunnus",
        "personbeteckning",
        "personal identity code",
    )
    VALIDATOR = hetu

    @classmethod
    def normalize(cls, text: str) -> str:
        # the separator is the century sign: keep it
        """The code in upper case, keeping its separator (the century sign)."""
        return text.strip().upper()
