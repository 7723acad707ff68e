"""Germany: steuerliche Identifikationsnummer (Steuer-ID, IdNr)."""

from stdnum.de import idnr

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class DeTaxIdRecognizer(StdnumRecognizer):
    """11 digits, first digit not 0, ISO 7064 mod 11,10 (``stdnum.de.idnr``).

    Accepts ``36574261809``, the official spaced form ``36 574 261 809`` and the check digit set apart
    (``3657426180 9``).
    The check lets about one random 11-digit number in ten through, so the
    score is weak: a context word (Steuer-ID, IdNr, ...) or column name is needed.
    Replaces Presidio's ``DeTaxIdRecognizer`` (disabled by default, German only).
    """

    COUNTRY_CODE = "de"
    ENTITY = "DE_TAX_ID"
    PATTERNS = (("DE Steuer-ID", bounded(r"[1-9]\d(?: ?\d{3}){3}|[1-9]\d{9} \d"), WEAK_SCORE),)
    CONTEXT = (
        "steuer",
        "steuerid",
        "steuer-id",
        "steueridentifikationsnummer",
        "identifikationsnummer",
        "idnr",
        "steuer-idnr",
        "bzst",
        "tax",
        "tax identification number",
    )
    VALIDATOR = idnr
