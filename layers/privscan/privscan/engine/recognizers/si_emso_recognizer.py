"""Slovenia: enotna matična številka občana (EMŠO)."""

from stdnum.si import emso

from .stdnum_recognizer import STRONG_SCORE, StdnumRecognizer, bounded


class SiEmsoRecognizer(StdnumRecognizer):
    """13 digits DDMMYYY RR BBB K: birth date, region, serial, mod 11.

    Validated by ``stdnum.si.emso`` (date and check digit). Date plus mod 11
    over 13 digits, comparable to the Romanian CNP: strong score.
    """

    COUNTRY_CODE = "si"
    ENTITY = "SI_EMSO"
    PATTERNS = (("SI EMSO", bounded(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])[09]\d{8}"), STRONG_SCORE),)
    CONTEXT = (
        "emšo",
        "emso",
        "matična številka",
        "matična",
        "unique master citizen number",
    )
    VALIDATOR = emso
