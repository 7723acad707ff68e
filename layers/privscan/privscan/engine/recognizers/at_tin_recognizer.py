"""Austria: Steuernummer (tax number), ``stdnum.at.tin``."""

from __future__ import annotations

from stdnum.at import tin

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class AtTinRecognizer(StdnumRecognizer):
    """9 digits FF-SSS/SSSC: tax office, serial, check digit (``stdnum.at.tin``: check digit and a known office).

    Accepts ``59-119/9013``, ``591199013``. Weak score: a check digit passes one number in ten, so a
    context word (Steuernummer, Finanzamt) or column name is needed.
    """

    COUNTRY_CODE = "at"
    ENTITY = "AT_TIN"
    PATTERNS = (("AT Steuernummer", bounded(r"\d{2}[ \-]?\d{3}[ /]?\d{4}"), WEAK_SCORE),)
    CONTEXT = (
        "steuernummer",
        "steuernr",
        "st.nr",
        "stnr",
        "finanzamt",
        "abgabenkontonummer",
        "austrian",
    )
    VALIDATOR = tin
