"""Czech Republic: rodné číslo (birth number)."""

from stdnum.cz import rc

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded

#: Shared by the Czech and Slovak recognizers: the two numbers are identical.
BIRTH_NUMBER_PATTERNS = (
    # YYMMDD/XXXX: date (month + 50 for women, + 20 / + 70 since 2004) and mod 11. Weak all the same:
    # date-coded batch and lot numbers (``200315/1486``) pass one time in eleven, so context decides.
    ("CZ/SK birth number (10 digits, slash)", bounded(r"\d{6}/\d{4}"), WEAK_SCORE),
    # numbers issued before 1954: no check digit, only the date
    ("CZ/SK birth number (9 digits, slash)", bounded(r"\d{6}/\d{3}"), WEAK_SCORE),
    # bare 10 digits: phone numbers and other 10-digit codes collide too often
    ("CZ/SK birth number (10 digits)", bounded(r"\d{10}"), WEAK_SCORE),
    # bare 9 digits: issued before 1954
    ("CZ/SK birth number (9 digits)", bounded(r"\d{9}"), WEAK_SCORE),
)

BIRTH_NUMBER_CONTEXT = (
    "rodné číslo",
    "rodné",
    "rodne",
    "rodného",
    "rč",
    "birth number",
)


class CzBirthNumberRecognizer(StdnumRecognizer):
    """YYMMDD/XXXX validated by ``stdnum.cz.rc`` (date and mod 11).

    Every form is weak (mod 11 over a date passes one batch number in eleven): a context word or a
    telling column name is needed. The Slovak number is identical, so every match is also reported as
    ``SK_BIRTH_NUMBER``: context (or the caller) decides the country.
    """

    COUNTRY_CODE = "cz"
    ENTITY = "CZ_BIRTH_NUMBER"
    PATTERNS = BIRTH_NUMBER_PATTERNS
    CONTEXT = BIRTH_NUMBER_CONTEXT + ("czech", "česk", "občan")
    VALIDATOR = rc
