"""Portugal: número de identificação fiscal (NIF, número de contribuinte)."""

from stdnum.pt import nif

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class PtNifRecognizer(StdnumRecognizer):
    """9 digits, mod 11 check digit (``stdnum.pt.nif``). Weak score.

    Accepts ``501964843``, ``501 964 843`` and ``501.964.843``. The prefixed
    ``PT501964843`` is a VAT number (``EU_VAT_NUMBER``).
    """

    COUNTRY_CODE = "pt"
    ENTITY = "PT_NIF"
    PATTERNS = (("PT NIF", bounded(r"[1-9]\d{2}([ .]?)\d{3}\1\d{3}"), WEAK_SCORE),)
    CONTEXT = (
        "nif",
        "contribuinte",
        "nipc",
        "identificação fiscal",
        "fiscal",
        "tax",
        "taxpayer",
    )
    VALIDATOR = nif
