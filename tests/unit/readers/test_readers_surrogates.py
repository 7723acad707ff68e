"""A JSON `\\ud83d` escape (an unpaired surrogate) never reaches the engine: U+FFFD takes its place, offsets hold."""

from __future__ import annotations

import io

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream
from privscan.readers import Cell, RecordIssue, open_object

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
ISSUE = "unpaired surrogate code points replaced"
# `\ud83d` is written as JSON's six-character escape: the bytes themselves are valid UTF-8 and ASCII.
JSON_DOC = b'[{"note": "\\ud83d Anna Schmidt wrote \\udE00 from anna.roe@example.com"}]'
JSONL_DOC = b'{"note": "ok"}\n{"k\\ud800y": "\\ud83d\\ude00 Anna Schmidt", "role": "x"}\n'


def test_lone_surrogates_in_json_values_become_replacement_characters():
    reader = open_object("doc.json", io.BytesIO(JSON_DOC))
    assert list(reader.cells()) == [
        Cell(0, "note", "\ufffd Anna Schmidt wrote \ufffd from anna.roe@example.com"),
    ]
    assert reader.stats.issues == [RecordIssue(0, "invalid_unicode", ISSUE)]


def test_lone_surrogates_in_jsonl_keys_are_replaced_and_a_surrogate_pair_stays_one_character():
    reader = open_object("doc.jsonl", io.BytesIO(JSONL_DOC))
    assert list(reader.cells()) == [
        Cell(0, "note", "ok"),
        Cell(1, "k\ufffdy", "\U0001f600 Anna Schmidt"),
        Cell(1, "role", "x"),
    ]
    assert reader.stats.issues == [RecordIssue(1, "invalid_unicode", ISSUE)]


@pytest.mark.parametrize(
    "name, data, email_span",
    [
        ("doc.json", JSON_DOC, (28, 48)),
        ("doc.jsonl", b'{"note": "\\ud83d Anna Schmidt wrote \\udE00 from anna.roe@example.com"}\n', (28, 48)),
    ],
)
def test_scan_stream_ends_scanned_with_exact_spans(name, data, email_span, scanner):
    found = []
    report = scan_stream(name, io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    assert (report.status, report.outcome) == ("done", "scanned")
    assert [issue.code for issue in report.issues] == ["invalid_unicode"]
    spans = sorted((f.entity_type, f.start, f.end) for f in found)
    assert spans == [("EMAIL_ADDRESS", *email_span), ("PERSON", 2, 14)]
    assert all("\ud83d" not in str(f.to_dict()) for f in found)
