"""Spain: DNI / NIF of Spanish citizens."""

from stdnum.es import dni, nif

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class EsNifRecognizer(StdnumRecognizer):
    """8 digits + check letter ("TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23], ``stdnum.es.dni``).

    Accepts ``54362315K``, ``54362315-K`` and ``54362315 K``, and the NIF of people without a DNI or NIE
    (``M-1234567-L``: a K, L or M, seven digits and the check letter, ``stdnum.es.nif``). Weak score: one
    candidate in 23 passes and "8 digits + letter" is a common code shape.
    Replaces Presidio's ``EsNifRecognizer`` (Spanish only); same entity name.
    """

    COUNTRY_CODE = "es"
    ENTITY = "ES_NIF"
    PATTERNS = (
        ("ES DNI/NIF", bounded(r"\d{8}[ \-]?[A-Z]"), WEAK_SCORE),
        # K (minors under 14), L (residents abroad), M (foreigners without NIE): letter, 7 digits, check letter
        ("ES NIF K/L/M", bounded(r"[KLM][ \-]?\d{7}[ \-]?[A-Z]"), WEAK_SCORE),
    )
    CONTEXT = (
        "dni",
        "nif",
        "documento nacional de identidad",
        "identificación fiscal",
        "spanish id",
    )
    VALIDATOR = dni

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """A DNI, or a NIF with the K, L or M prefix given to people without a DNI."""
        if compact[:1] in ("K", "L", "M"):
            return nif.is_valid(compact)
        return super().is_valid_id(compact)
