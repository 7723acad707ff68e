"""Romania: cod numeric personal (CNP)."""

import datetime

from stdnum.ro import cnp

from .stdnum_recognizer import STRONG_SCORE, StdnumRecognizer, bounded


class RoCnpRecognizer(StdnumRecognizer):
    """13 digits S YYMMDD JJ NNN C: sex/century, birth date, county, serial, mod 11.

    Validated by ``stdnum.ro.cnp`` (date, county code and check digit): strong score.
    """

    COUNTRY_CODE = "ro"
    ENTITY = "RO_CNP"
    PATTERNS = (("RO CNP", bounded(r"[1-9]\d{12}"), STRONG_SCORE),)
    CONTEXT = (
        "cnp",
        "cod numeric personal",
        "codul numeric personal",
        "personal numeric code",
    )
    VALIDATOR = cnp

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        # stdnum accepts birth dates in the future; EAN-13 barcodes starting 590 (Poland) pass as 2090s births
        """A valid CNP whose birth date is not in the future."""
        return super().is_valid_id(compact) and cnp.get_birth_date(compact) <= datetime.date.today()
