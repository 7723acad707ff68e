"""Spain: DNI / NIF of Spanish citizens."""

from stdnum.es import dni

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class EsNifRecognizer(StdnumRecognizer):
    """8 digits + check letter ("TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23], ``stdnum.es.dni``).

    Accepts ``54362315K``, ``54362315-K`` and ``54362315 K``. Weak score: one
    candidate in 23 passes and "8 digits + letter" is a common code shape.
    Replaces Presidio's ``EsNifRecognizer`` (Spanish only); same entity name.
    """

    COUNTRY_CODE = "es"
    ENTITY = "ES_NIF"
    PATTERNS = (("ES DNI/NIF", bounded(r"\d{8}[ \-]?[A-Z]"), WEAK_SCORE),)
    CONTEXT = (
        "dni",
        "nif",
        "documento nacional de identidad",
        "identificación fiscal",
        "spanish id",
    )
    VALIDATOR = dni
