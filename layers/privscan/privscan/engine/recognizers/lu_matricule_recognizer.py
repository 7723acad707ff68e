"""Luxembourg: numéro d'identification national (matricule)."""

import datetime

from stdnum import luhn, verhoeff

from .stdnum_recognizer import STRONG_SCORE, StdnumRecognizer, bounded


class LuMatriculeRecognizer(StdnumRecognizer):
    """13 digits YYYYMMDD XXX C1 C2: birth date, serial, Luhn and Verhoeff digits.

    python-stdnum has no module for the number, but has both check-digit
    algorithms: C1 is the Luhn digit and C2 the Verhoeff digit, each computed
    over the first 11 digits (OECD TIN sheet for Luxembourg; marked
    "unverified" in eu_rules.md). Two check digits plus a date: strong score.
    """

    COUNTRY_CODE = "lu"
    ENTITY = "LU_MATRICULE"
    PATTERNS = (
        (
            "LU matricule",
            bounded(r"(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?\d{3} ?\d{2}"),
            STRONG_SCORE,
        ),
    )
    CONTEXT = (
        "matricule",
        "numéro d'identification",
        "identifikationsnummer",
        "sozialversicherungsnummer",
        "cns",
        "luxembourg",
    )

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """Thirteen digits with a valid birth date and both check digits (Luhn and Verhoeff)."""
        if len(compact) != 13 or not compact.isdigit():
            return False
        try:
            born = datetime.date(int(compact[0:4]), int(compact[4:6]), int(compact[6:8]))
        except ValueError:
            return False
        if born > datetime.date.today():
            return False
        base = compact[:11]
        return luhn.calc_check_digit(base) == compact[11] and verhoeff.calc_check_digit(base) == compact[12]
