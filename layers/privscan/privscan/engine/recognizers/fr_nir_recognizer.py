"""France: NIR / numéro INSEE (numéro de sécurité sociale)."""

from stdnum.fr import nir

from .stdnum_recognizer import STRONG_SCORE, StdnumRecognizer, bounded


class FrNirRecognizer(StdnumRecognizer):
    """15 characters: sex, YY, MM, département (2A/2B for Corsica), commune, serial, key.

    Key = 97 - (first 13 digits mod 97), checked by ``stdnum.fr.nir``. Accepts
    ``295109912611193`` and the spaced ``2 95 10 99 126 111 93`` (or dotted) form,
    not a decimal number (``2.95109912611193``).
    """

    COUNTRY_CODE = "fr"
    ENTITY = "FR_NIR"
    PATTERNS = (
        (
            "FR NIR",
            bounded(
                r"[1-478][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])"
                r"[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}"
            ),
            STRONG_SCORE,
        ),
    )
    CONTEXT = (
        "nir",
        "insee",
        "sécurité sociale",
        "sécurité",
        "sécu",
        "securite",
        "secu",
        "carte vitale",
        "vitale",
        "social security",
        "social",
    )
    VALIDATOR = nir
