"""Portugal: Cartão de Cidadão (citizen card) document number, ``stdnum.pt.cc``."""

from __future__ import annotations

import regex as re
from stdnum.pt import cc

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class PtCcRecognizer(StdnumRecognizer):
    """8-digit civil identification number, its check digit, two version letters and a final check digit
    (``12345678 9 ZZ1``), validated by ``stdnum.pt.cc``. Weak score: the check passes one in ten, so a
    context word (cartão de cidadão, CC) or column name is needed.
    """

    COUNTRY_CODE = "pt"
    ENTITY = "PT_CC"
    PATTERNS = (("PT cartão de cidadão", bounded(r"\d{8}[ \-]?\d[ \-]?[A-Z]{2}\d"), WEAK_SCORE),)
    CONTEXT = (
        "cartão de cidadão",
        "cartao de cidadao",
        "cidadão",
        "cidadao",
        "cc",
        "número de identificação civil",
        "citizen card",
        "portuguese",
    )
    VALIDATOR = cc

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        # stdnum accepts a civil number of any length: the card carries nine digits, two letters, one digit
        """A citizen card number: nine digits, two letters, one digit, with a valid check digit."""
        return bool(re.fullmatch(r"\d{9}[A-Z]{2}\d", compact)) and super().is_valid_id(compact)
