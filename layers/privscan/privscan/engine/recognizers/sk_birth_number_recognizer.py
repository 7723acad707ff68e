"""Slovakia: rodné číslo (birth number)."""

from stdnum.sk import rc

from .cz_birth_number_recognizer import BIRTH_NUMBER_CONTEXT, BIRTH_NUMBER_PATTERNS
from .stdnum_recognizer import StdnumRecognizer


class SkBirthNumberRecognizer(StdnumRecognizer):
    """Same number and scores as :class:`CzBirthNumberRecognizer` (``stdnum.sk.rc``)."""

    COUNTRY_CODE = "sk"
    ENTITY = "SK_BIRTH_NUMBER"
    PATTERNS = BIRTH_NUMBER_PATTERNS
    CONTEXT = BIRTH_NUMBER_CONTEXT + ("slovak", "slovensk")
    VALIDATOR = rc
