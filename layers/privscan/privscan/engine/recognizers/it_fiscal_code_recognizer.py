"""Italy: codice fiscale (persons)."""

from stdnum.it import codicefiscale

from .stdnum_recognizer import STRONG_SCORE, StdnumRecognizer, bounded

# omocodia replaces digits by L M N P Q R S T U V
_DIGIT = "[0-9LMNP-V]"


class ItFiscalCodeRecognizer(StdnumRecognizer):
    """16 characters: surname (3), name (3), YY, month letter, day (+40 women),
    place (letter + 3), check letter (odd/even tables mod 26).

    Validated by ``stdnum.it.codicefiscale`` (check letter and birth date):
    strong score. Replaces Presidio's ``ItFiscalCodeRecognizer`` (Italian only);
    same entity name.
    """

    COUNTRY_CODE = "it"
    ENTITY = "IT_FISCAL_CODE"
    PATTERNS = (
        (
            "IT codice fiscale",
            bounded(rf"[A-Z]{{6}}{_DIGIT}{{2}}[ABCDEHLMPRST]{_DIGIT}{{2}}[A-Z]{_DIGIT}{{3}}[A-Z]"),
            STRONG_SCORE,
        ),
    )
    CONTEXT = (
        "codice fiscale",
        "codice",
        "fiscale",
        "c.f.",
        "tessera sanitaria",
        "fiscal code",
        "tax code",
    )
    VALIDATOR = codicefiscale
