"""The scan's deadline reaches inside the detection of a cell: a slow cell stops near the limit, as `time_limit`."""

import io
import time

import pytest
from presidio_analyzer import EntityRecognizer
from privscan.engine.config import EngineConfig
from privscan.engine.deadline import DeadlineExceeded
from privscan.engine.detect import Detector
from privscan.engine.masking import Fingerprinter
from privscan.engine.scanner import Scanner
from privscan.model import ScanStatus
from privscan.pipeline import scan_stream
from privscan.readers.base import Cell

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
TEXT = b"Anna Roe wrote to anna.roe@example.com about her IBAN DE89370400440532013000.\n"
STEP_S = 0.1  # one slow recognizer's time
SLOW_STEPS = 30  # the cell's detection: 3 s of them


class SlowRecognizer(EntityRecognizer):
    """A recognizer that takes its time and finds nothing: a cell's expensive step."""

    def __init__(self, index: int):
        super().__init__(supported_entities=["PERSON"], name=f"slow-{index}")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        time.sleep(STEP_S)
        return []


@pytest.fixture
def slow_scanner(scanner, monkeypatch):
    """The session's engine in this process, every cell's analysis taking SLOW_STEPS recognizer steps."""
    detector = Detector(scanner.detector.analyzer, scanner.config, scanner.detector.signals)
    runner, slow = detector._recognizers, [SlowRecognizer(i) for i in range(SLOW_STEPS)]
    chosen = runner.recognizers
    monkeypatch.setattr(
        runner, "recognizers", lambda entities: (chosen(entities)[0] + slow, chosen(entities)[1] + [None] * len(slow))
    )
    slow_scanner = Scanner(detector, EngineConfig(workers=1))
    yield slow_scanner
    slow_scanner.close()


def scan(scanner, time_limit_s):
    found = []
    report = scan_stream(
        "notes.txt", io.BytesIO(TEXT), scanner=scanner, fingerprinter=KEY, sink=found.append, time_limit_s=time_limit_s
    )
    return report, found


def test_a_slow_cell_ends_with_time_limit_near_the_limit(slow_scanner):
    started = time.perf_counter()
    report, _ = scan(slow_scanner, 0.5)
    elapsed = time.perf_counter() - started
    assert (report.status, report.outcome, report.reason) == (
        ScanStatus.REJECTED,
        "time_limit",
        "the scan took longer than 0.5 s",
    )
    assert elapsed < 0.5 + 5 * STEP_S  # a guard: the cell alone takes SLOW_STEPS * STEP_S = 3 s


def test_without_a_limit_the_slow_cell_is_scanned_whole(slow_scanner):
    report, found = scan(slow_scanner, None)
    assert (report.outcome, sorted(f.entity_type for f in found)) == (
        "scanned",
        ["EMAIL_ADDRESS", "IBAN_CODE", "PERSON"],
    )


@pytest.mark.parametrize("workers", [1, 2])  # in this process, and through the worker processes' pipes
def test_a_passed_deadline_stops_the_batch_and_leaves_no_trace(scanner, workers):
    cells = [Cell(text="write to anna.roe@example.com", record=0, field=None, role=None)]
    engine = Scanner(scanner.detector, EngineConfig(workers=workers))
    try:
        with pytest.raises(DeadlineExceeded):
            list(engine.detect(iter(cells), deadline=time.monotonic() - 1))
        ((_, detections),) = list(engine.detect(iter(cells)))  # nothing of the stopped batch was cached
    finally:
        engine.close()
    assert [(d.entity_type, d.start, d.end) for d in detections] == [("EMAIL_ADDRESS", 9, 29)]
