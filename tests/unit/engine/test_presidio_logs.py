"""Presidio's own log records reach the logs without the values they quote."""

import logging

import privscan.engine.analyzer  # noqa: F401  (installs the filter on Presidio's logger)
from presidio_analyzer.predefined_recognizers import IbanRecognizer

PRESIDIO = "presidio-analyzer"


def test_a_value_presidio_fails_to_validate_is_not_logged(caplog):
    caplog.set_level(logging.DEBUG, logger=PRESIDIO)
    value = "DE89ÄÖ0440532013000"  # not an IBAN alphabet: Presidio's IBAN check raises and logs an error
    assert IbanRecognizer().validate_result(value) is False
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.WARNING] == [
        ("ERROR", "Failed to validate text %s (arguments withheld)")
    ]
    assert value not in caplog.text


def test_a_traceback_keeps_only_the_exception_type(caplog):
    caplog.set_level(logging.DEBUG, logger=PRESIDIO)
    try:
        int("ZZ-4242-secret")
    except ValueError:
        logging.getLogger(PRESIDIO).exception("parse failed")
    (record,) = caplog.records
    assert record.getMessage() == "parse failed [ValueError] (arguments withheld)" and record.exc_info is None
    assert "4242" not in caplog.text


def test_a_plain_message_is_left_as_it_is(caplog):
    caplog.set_level(logging.DEBUG, logger=PRESIDIO)
    logging.getLogger(PRESIDIO).warning("NLP artifacts were not provided")
    assert [r.getMessage() for r in caplog.records] == ["NLP artifacts were not provided"]
