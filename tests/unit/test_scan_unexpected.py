"""scan_stream records an unexpected reader or engine error as the object's outcome, and never its message;
the caller's own failures (its sink, a scan worker gone) still raise."""

from __future__ import annotations

import io
import logging

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.model import ScanStatus
from privscan.pipeline import scan_stream
from privscan.readers.text import TextReader

SECRET = "Jane Doe DE89370400440532013000"
BODY = b"Contact Jane Doe at jane.doe@example.com\n"


def scan(scanner, sink=lambda finding: None):
    return scan_stream("notes.txt", io.BytesIO(BODY), scanner=scanner, fingerprinter=Fingerprinter("k" * 32), sink=sink)


def raise_key_error(self):
    raise KeyError(SECRET)
    yield  # a generator, as readers' _cells are


def test_reader_error_is_recorded_by_type_only(scanner, monkeypatch, caplog):
    monkeypatch.setattr(TextReader, "_cells", raise_key_error)
    with caplog.at_level(logging.DEBUG):
        report = scan(scanner)
    assert (report.status, report.outcome, report.reason, report.format) == (
        ScanStatus.REJECTED,
        "malformed",
        "reader_error: KeyError",
        "text",
    )
    assert dict(report.by_rule) == {"PRIVSCAN-COVERAGE-GAP": 1}  # the object is a coverage gap, nothing else
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "reader_error: KeyError raised at readers/base.py:" in logged
    assert "Jane" not in logged and "DE89" not in logged
    assert SECRET not in str(report.summary())


def test_engine_error_is_recorded_as_a_scan_error(scanner, monkeypatch, caplog):
    def broken(cells, profiler=None, deadline=None):
        raise ValueError(SECRET)

    monkeypatch.setattr(scanner, "detect", broken)
    with caplog.at_level(logging.DEBUG):
        report = scan(scanner)
    assert (report.status, report.outcome, report.reason) == (
        ScanStatus.REJECTED,
        "malformed",
        "scan_error: ValueError",
    )
    assert SECRET not in "\n".join(record.getMessage() for record in caplog.records)


def test_a_failing_sink_raises_its_own_error(scanner):
    failure = OSError("no space left on device")

    def sink(finding):
        raise failure

    with pytest.raises(OSError) as raised:
        scan(scanner, sink)
    assert raised.value is failure


@pytest.mark.parametrize("error", [EOFError(), BrokenPipeError()])
def test_a_scan_worker_gone_raises(scanner, monkeypatch, error):
    def gone(cells, profiler=None, deadline=None):
        raise error

    monkeypatch.setattr(scanner, "detect", gone)
    with pytest.raises(type(error)):
        scan(scanner)


def test_a_clean_scan_is_unchanged(scanner):
    report = scan(scanner)
    assert (report.status, report.outcome, report.reason) == (ScanStatus.DONE, "scanned", None)
    assert report.by_entity["EMAIL_ADDRESS"] == 1
