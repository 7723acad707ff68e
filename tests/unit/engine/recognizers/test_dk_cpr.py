"""DK_CPR: Denmark CPR (stdnum.dk.cpr, date only: no checksum since 2007).

Numbers are synthetic: python-stdnum docstring examples or computed check digits.
"""

from privscan.engine.recognizers import DkCprRecognizer
from privscan.engine.recognizers.stdnum_recognizer import WEAK_SCORE

from tests.unit.engine.recognizers.id_cases import DATE_LIKE, embedded, pattern_spans

ENTITY = "DK_CPR"
RECOGNIZER = DkCprRecognizer()

VALID = (
    ("211062-5629", WEAK_SCORE),
    ("2110625629", WEAK_SCORE),
    ("211062 5629", WEAK_SCORE),
    ("0707614285", WEAK_SCORE),
)
INVALID_CHECKSUM = (
    "511062-5629",
    "300262-5629",
    "2110525629",
)
NEAR_MISSES = (
    "211062-562",
    "211062-56299",
    "211362-5629",
    "211062--5629",
    *DATE_LIKE,
    *embedded("2110625629"),
)


def test_exact_spans_in_sentence():
    text = "CPR-nr. 211062-5629 og 0707614285."
    assert pattern_spans(RECOGNIZER, text) == [
        (8, 19, ENTITY, WEAK_SCORE),
        (23, 33, ENTITY, WEAK_SCORE),
    ]
