"""Near-duplicate records with personal data, and the reach of an erasure request."""

from __future__ import annotations

import io
import json
import secrets

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.engine.scanner import Detection
from privscan.examine import Examiner, examine_stream
from privscan.examine.duplicates import DuplicateIndex, record_shingles
from privscan.readers.base import Cell
from privscan.vocabulary import DetectionKind

from tests.unit.examine.corpus import planted_duplicates


def test_planted_near_duplicate_pairs_found_with_high_recall():
    texts, planted = planted_duplicates()
    data = "".join(json.dumps({"text": text}) + "\n" for text in texts).encode()
    examiner = Examiner()
    try:
        examine_stream("docs.jsonl", io.BytesIO(data), examiner)
        index = examiner.index
        groups = index.groups()
    finally:
        examiner.close()
    together = {frozenset(group) for group in groups}
    found = sum(any({a, b} <= group for group in together) for a, b in planted)
    assert found / len(planted) >= 0.95
    false_pairs = sum(len(group) > 2 for group in together)
    assert false_pairs == 0 and len(groups) <= len(planted)


def test_index_merge_keeps_groups_across_chunks():
    texts, _planted = planted_duplicates(pairs=20, singles=20)
    whole, first, second = DuplicateIndex(), DuplicateIndex(), DuplicateIndex()
    try:
        for index in (whole, first, second):
            index.object("docs.jsonl")
        for number, text in enumerate(texts):
            shingles = record_shingles([(None, text)])
            whole.add(0, number, shingles, [])
            (first if number < len(texts) // 2 else second).add(0, number, shingles, [])
        first.merge(second)
        assert [len(g) for g in first.groups()] == [len(g) for g in whole.groups()]
    finally:
        for index in (whole, first, second):
            index.close()


def _cell_with_email(record: int, text: str, email: str, signal: str | None = None):
    full = f"{text} contact {email}"
    cell = Cell(record, "text", full)
    start = full.index(email)
    detections = [Detection(cell, "EMAIL_ADDRESS", start, start + len(email), 1.0)]
    if signal:
        detections.append(Detection(cell, signal, 0, 5, 1.0, kind=DetectionKind.SIGNAL))
    return cell, detections


@pytest.fixture
def fingerprinter():
    return Fingerprinter(secrets.token_hex(16))


def test_groups_with_personal_data_and_erasure_reach(fingerprinter):
    texts, planted = planted_duplicates(pairs=10, singles=10)
    with_email = {index for pair in planted[:5] for index in pair}
    examiner = Examiner(fingerprint=fingerprinter)
    email = "jana.novak@example.org"
    try:
        examiner.begin("chats.jsonl", "jsonl", scanned=True)
        for number, text in enumerate(texts):
            if number in with_email:
                examiner.add(*_cell_with_email(number, text, email))
            else:
                examiner.add(Cell(number, "text", text), [])
        request = len(texts)
        examiner.add(*_cell_with_email(request, "please delete all my data", email, signal="ERASURE_REQUEST"))
        examiner.end(1000)
        report = examiner.report(erase=[email, "nobody@example.org"])
    finally:
        examiner.close()
    duplicates = report["duplicates"]
    assert duplicates["groups_with_personal_data"] == 5
    assert duplicates["near_duplicate_groups"] == 10
    found, asked, unknown = duplicates["erasure_requests"]
    # the request in the data names every other record holding the requester's e-mail address
    assert found["request"] == {"object": "chats.jsonl", "record": request}
    assert sorted(row["record"] for row in found["records"]) == sorted(with_email)
    assert found["other_records_holding"] == len(with_email)
    # a request made to the provider reaches every copy, the request itself included
    assert asked["records_holding"] == len(with_email) + 1
    assert unknown["records_holding"] == 0
    text = json.dumps(report)
    assert email not in text and "jana" not in text
    assert report["training_summary"]["personal_data"]["by_type"] == {"EMAIL_ADDRESS": len(with_email) + 1}
