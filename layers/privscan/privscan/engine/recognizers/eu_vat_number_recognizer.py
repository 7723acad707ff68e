"""EU VAT identification numbers of all member states (with the country prefix)."""

from stdnum.eu import vat

from .stdnum_recognizer import CASE_SENSITIVE_FLAGS, STRONG_SCORE, StdnumRecognizer, bounded


def _digits(count: str) -> str:
    """``count`` digits (e.g. ``"9"`` or ``"8,9"``), optionally split by single spaces, dots or dashes."""
    low, _, high = count.partition(",")
    rest = f"{int(low) - 1},{int(high) - 1}" if high else str(int(low) - 1)
    return rf"\d(?:[ .\-]?\d){{{rest}}}"


#: Country prefix -> body shape. stdnum does the real check per country.
VAT_BODIES: dict[str, str] = {
    "AT": r"U ?" + _digits("8"),
    "BE": _digits("9,10"),
    "BG": _digits("9,10"),
    "CY": _digits("8") + r"[ \-]?[A-Z]",
    "CZ": _digits("8,10"),
    "DE": _digits("9"),
    "DK": _digits("8"),
    "EE": _digits("9"),
    "EL": _digits("8,9"),
    "GR": _digits("8,9"),
    "ES": r"[A-Z0-9][ \-]?\d{7}[ \-]?[A-Z0-9]",
    "FI": _digits("8"),
    "FR": r"[0-9A-HJ-NP-Z]{2} ?" + _digits("9"),
    "HR": _digits("11"),
    "HU": _digits("8"),
    "IE": r"\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W]",
    "IT": _digits("11"),
    "LT": _digits("12") + "|" + _digits("9"),
    "LU": _digits("8"),
    "LV": _digits("11"),
    "MT": _digits("8"),
    "NL": _digits("7,9") + r"[ .]?B[ .]?\d{2}",
    "PL": _digits("10"),
    "PT": _digits("9"),
    "RO": _digits("2,10"),
    "SE": _digits("12"),
    "SI": _digits("8"),
    "SK": _digits("10"),
    "XI": _digits("12") + "|" + _digits("9") + r"|GD\d{3}|HA\d{3}",
}


class EuVatNumberRecognizer(StdnumRecognizer):
    """Country prefix + national VAT number, validated by ``stdnum.eu.vat``.

    Each country's own check (ISO 7064, mod 97, Luhn, weighted sums) runs on a
    number that already carries its country prefix, so the score is strong.
    Case-sensitive: the prefix must be upper case. Only the syntax and check
    digits are checked; nothing is queried online (no VIES).
    """

    ENTITY = "EU_VAT_NUMBER"
    PATTERNS = tuple(
        (f"EU VAT ({cc})", bounded(rf"{cc}[ \-]?(?:{body})"), STRONG_SCORE) for cc, body in VAT_BODIES.items()
    )
    CONTEXT = (
        "vat",
        "ust-idnr",
        "umsatzsteuer",
        "tva",
        "btw",
        "iva",
        "mwst",
        "uid",
        "moms",
        "alv",
        "dph",
        "dic",
        "dič",
        "pvm",
        "pvn",
        "nip",
        "ddv",
        "áfa",
        "φπα",
        "ддс",
    )
    VALIDATOR = vat
    REGEX_FLAGS = CASE_SENSITIVE_FLAGS
