"""Hungary: adóazonosító jel (personal tax identification number)."""

import datetime

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded

_EPOCH = datetime.date(1867, 1, 1)


class HuTaxIdRecognizer(StdnumRecognizer):
    """10 digits: 8, days since 1867-01-01 (5 digits), serial (3), check digit.

    Check digit = sum(position x digit for the first 9) mod 11, never 10.
    python-stdnum only has the Hungarian VAT number (``hu.anum``), so the check
    is implemented here (marked "unverified" in eu_rules.md). Weak score.
    """

    COUNTRY_CODE = "hu"
    ENTITY = "HU_TAX_ID"
    PATTERNS = (("HU adóazonosító jel", bounded(r"8\d{9}"), WEAK_SCORE),)
    CONTEXT = (
        "adóazonosító",
        "adoazonosito",
        "adóazonosító jel",
        "adószám",
        "tax",
        "hungarian",
    )

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """Ten digits starting with 8, a birth date not in the future, and a valid check digit."""
        if len(compact) != 10 or not compact.isdigit() or compact[0] != "8":
            return False
        if _EPOCH + datetime.timedelta(days=int(compact[1:6])) > datetime.date.today():
            return False
        check = sum(i * int(d) for i, d in enumerate(compact[:9], start=1)) % 11
        return check != 10 and check == int(compact[9])
