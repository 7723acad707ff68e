"""Denmark: CPR-nummer (personnummer)."""

from stdnum.dk import cpr

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class DkCprRecognizer(StdnumRecognizer):
    """DDMMYY-SSSS. The mod 11 check was abandoned in 2007, so only the date is
    validated (``stdnum.dk.cpr``, which also rejects future birth dates).

    Accepts ``211062-5629``, ``211062 5629`` and ``2110625629``. No checksum:
    weak score, needs a context word such as CPR.
    """

    COUNTRY_CODE = "dk"
    CHECK = "date"
    ENTITY = "DK_CPR"
    PATTERNS = (
        (
            "DK CPR",
            bounded(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[ \-]?\d{4}"),
            WEAK_SCORE,
        ),
    )
    CONTEXT = (
        "cpr",
        "cpr-nummer",
        "cpr-nr",
        "personnummer",
        "sygesikring",
        "sundhedskort",
        "civil registration",
    )
    VALIDATOR = cpr
