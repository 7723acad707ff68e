"""Germany: Steuernummer (the tax office's number of a taxpayer), ``stdnum.de.stnr``."""

from __future__ import annotations

from stdnum.de import stnr

from .stdnum_recognizer import WEAK_SCORE, StdnumRecognizer, bounded


class DeStnrRecognizer(StdnumRecognizer):
    """The regional form ``181/815/08155`` (a state's layout of office, district and serial digits) or the
    13-digit nationwide form, as ``stdnum.de.stnr`` knows them.

    stdnum checks the layout only (no check digit): any number of a state's length passes. The score is
    weak and ``CHECK = "layout"`` keeps it out of the every-validator path of identifier columns unless the
    column name says Steuernummer: it is reported next to its own words only.
    """

    COUNTRY_CODE = "de"
    ENTITY = "DE_STEUERNUMMER"
    CHECK = "layout"
    PATTERNS = (
        ("DE Steuernummer (regional)", bounded(r"\d{2,3}/\d{3,4}/\d{4,5}(?: \d)?"), WEAK_SCORE),
        ("DE Steuernummer (nationwide)", bounded(r"\d{13}"), WEAK_SCORE),
    )
    CONTEXT = (
        "steuernummer",
        "steuernr",
        "steuer-nr",
        "st.-nr",
        "stnr",
        "finanzamt",
        "german tax number",
    )
    VALIDATOR = stnr
