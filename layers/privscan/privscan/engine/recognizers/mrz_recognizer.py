"""Machine-readable zones (ICAO 9303) of passports and identity cards."""

import regex as re

from .stdnum_recognizer import CASE_SENSITIVE_FLAGS, StdnumRecognizer

MRZ_SCORE = 0.95

# Line break between MRZ lines: a real newline, an escaped "\n" inside a JSON
# string, or spaces when the zone was flattened into one line.
_BREAK = r"[ \t]*(?:\r?\n|\\r\\n|\\n)?[ \t]*"
_LEFT = r"(?<![A-Z0-9<])"
_RIGHT = r"(?![A-Z0-9<])"

_TD3 = (
    r"P[A-Z<][A-Z<]{3}[A-Z<]{39}"
    + _BREAK
    + r"[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]"
)
_TD2 = (
    r"[ACI][A-Z<][A-Z<]{3}[A-Z<]{31}"
    + _BREAK
    + r"[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{7}[0-9]"
)
_TD1 = (
    r"[ACI][A-Z<][A-Z<]{3}[A-Z0-9<]{9}[0-9<][A-Z0-9<]{15}"
    + _BREAK
    + r"[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z<]{3}[A-Z0-9<]{11}[0-9]"
    + _BREAK
    + r"[A-Z<]{30}"
)

_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
_VALUES["<"] = 0
_WEIGHTS = (7, 3, 1)


def check_digit(field: str) -> str:
    """ICAO 9303 check digit: character values weighted 7, 3, 1 repeating, mod 10."""
    return str(sum(_VALUES[c] * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


def _ok(field: str, digit: str, optional: bool = False) -> bool:
    # an unused optional field may carry "<" as its check digit
    if optional and digit == "<" and set(field) <= {"<"}:
        return True
    return digit == check_digit(field)


class MrzRecognizer(StdnumRecognizer):
    """TD3 (passport, 2 x 44), TD2 (2 x 36) and TD1 (ID card, 3 x 30) zones.

    Every check digit (document number, birth date, expiry date, optional data
    where it has one, and the composite digit) must be correct: strong score.
    python-stdnum has no MRZ module, so the ICAO 7-3-1 check digit is
    implemented here. The reported span covers the whole zone.
    """

    ENTITY = "MRZ"
    PATTERNS = (
        ("MRZ TD3", _LEFT + _TD3 + _RIGHT, MRZ_SCORE),
        ("MRZ TD2", _LEFT + _TD2 + _RIGHT, MRZ_SCORE),
        ("MRZ TD1", _LEFT + _TD1 + _RIGHT, MRZ_SCORE),
    )
    CONTEXT = ("mrz", "passport", "reisepass", "passeport", "pasaporte", "passaporto", "paspoort")
    REGEX_FLAGS = CASE_SENSITIVE_FLAGS

    @classmethod
    def normalize(cls, text: str) -> str:
        """The zone without whitespace or escaped line breaks between its lines."""
        return re.sub(r"\s|\\r|\\n", "", text)

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """A TD1, TD2 or TD3 machine-readable zone whose check digits hold."""
        if len(compact) == 88:
            return cls._valid_td3(compact[44:])
        if len(compact) == 72:
            return cls._valid_td2(compact[36:])
        if len(compact) == 90:
            return cls._valid_td1(compact[:30], compact[30:60])
        return False

    @staticmethod
    def _valid_td3(line: str) -> bool:
        return (
            _ok(line[0:9], line[9])
            and _ok(line[13:19], line[19])
            and _ok(line[21:27], line[27])
            and _ok(line[28:42], line[42], optional=True)
            and _ok(line[0:10] + line[13:20] + line[21:43], line[43])
        )

    @staticmethod
    def _valid_td2(line: str) -> bool:
        return (
            _ok(line[0:9], line[9])
            and _ok(line[13:19], line[19])
            and _ok(line[21:27], line[27])
            and _ok(line[0:10] + line[13:20] + line[21:35], line[35])
        )

    @staticmethod
    def _valid_td1(upper: str, middle: str) -> bool:
        return (
            _ok(upper[5:14], upper[14])
            and _ok(middle[0:6], middle[6])
            and _ok(middle[8:14], middle[14])
            and _ok(upper[5:30] + middle[0:7] + middle[8:15] + middle[18:29], middle[29])
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        """Never invalidated: the check digits have decided already."""
        return False
