"""Belgium: Rijksregisternummer / numéro de registre national (NN, NISS) and BIS number."""

from stdnum.be import bis, nn

from .stdnum_recognizer import STRONG_SCORE, StdnumRecognizer, bounded


class BeNationalNumberRecognizer(StdnumRecognizer):
    """11 digits YYMMDD SSS CC; CC = 97 - (9 digits mod 97), with the 2000s variant.

    Validated by ``stdnum.be.nn`` or, for BIS numbers (month + 20/40), by
    ``stdnum.be.bis``. Accepts ``85073003328``, ``85.07.30-033.28``,
    ``85 07 30 033 28`` and ``850730-033-28``.
    """

    COUNTRY_CODE = "be"
    ENTITY = "BE_NATIONAL_NUMBER"
    PATTERNS = (
        (
            "BE national number",
            bounded(r"\d{2}([ .]?)\d{2}\1\d{2}[ .\-]?\d{3}[ .\-]?\d{2}"),
            STRONG_SCORE,
        ),
    )
    CONTEXT = (
        "rijksregisternummer",
        "rijksregister",
        "registre national",
        "numéro national",
        "nationaal nummer",
        "nationalregisternummer",
        "national number",
        "niss",
        "insz",
        "bis",
    )
    VALIDATOR = nn

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """A valid national register number or BIS number."""
        return nn.is_valid(compact) or bis.is_valid(compact)
