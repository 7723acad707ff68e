"""Spain: número de identidad de extranjero (NIE)."""

from stdnum.es import nie

from .stdnum_recognizer import MEDIUM_SCORE, StdnumRecognizer, bounded


class EsNieRecognizer(StdnumRecognizer):
    """X/Y/Z + 7 digits + check letter (mod 23, ``stdnum.es.nie``).

    The X/Y/Z prefix makes the shape rarer than a DNI, so the score is medium:
    reported without context at the 0.5 threshold. Accepts ``X2482300W`` and
    ``X-2482300-W``.
    """

    COUNTRY_CODE = "es"
    ENTITY = "ES_NIE"
    PATTERNS = (("ES NIE", bounded(r"[XYZ][ \-]?\d{7}[ \-]?[A-Z]"), MEDIUM_SCORE),)
    CONTEXT = (
        "nie",
        "extranjero",
        "número de identidad de extranjero",
        "foreigner identity number",
    )
    VALIDATOR = nie
