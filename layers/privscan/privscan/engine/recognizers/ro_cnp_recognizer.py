"""Romania: cod numeric personal (CNP)."""

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
