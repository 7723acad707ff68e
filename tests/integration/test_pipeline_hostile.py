"""Hostile objects through S3 → SQS → scan_object on moto: each ends in a recorded outcome, the batch completes."""

from __future__ import annotations

KEYS = ("shout.txt", "surrogate.json", "surrogate.jsonl", "dup.csv")


def test_hostile_objects_are_scanned_with_exact_spans_and_the_batch_completes(pipeline):
    pipeline.put("shout.txt", ("Anna Schneider" + "!" * 12_000 + "\n").encode())
    pipeline.put("surrogate.json", b'{"note": "\\ud83d write to anna.schneider@example.com"}')
    pipeline.put("surrogate.jsonl", b'{"note": "\\udE00 write to anna.schneider@example.com"}\n')
    pipeline.put("dup.csv", (",".join(["note"] * 100_000) + "\nwrite to anna.schneider@example.com\n").encode())
    response, bodies = pipeline.deliver()
    assert response == {"batchItemFailures": []} and len(bodies) == 4

    assert {k: (pipeline.summary(k)["status"], pipeline.summary(k)["outcome"]) for k in KEYS} == {
        k: ("done", "scanned") for k in KEYS
    }
    assert pipeline.summary("surrogate.json")["issues"] == {"invalid_unicode": 1}
    assert pipeline.summary("dup.csv")["issues"] == {"header_limited": 1, "malformed_row": 1}
    assert [(f["record"], f["start"], f["end"], f["entity_type"]) for f in pipeline.findings("shout.txt")] == [
        (0, 0, 14, "PERSON")
    ]
    for key in ("surrogate.json", "surrogate.jsonl"):
        assert [(f["field"], f["start"], f["end"]) for f in pipeline.findings(key)] == [("note", 11, 37)]
    assert [(f["field"], f["entity_type"]) for f in pipeline.findings("dup.csv")] == [("note", "EMAIL_ADDRESS")]


def test_a_scan_past_its_time_limit_is_recorded_as_time_limit(pipeline, monkeypatch):
    from privscan import settings, wiring

    monkeypatch.setenv("SCAN_TIME_LIMIT_SECONDS", "1e-06")
    settings.get_settings.cache_clear()
    wiring.get_service.cache_clear()
    pipeline.put("slow.txt", b"write to anna.schneider@example.com\n" * 50)
    response, _ = pipeline.deliver()
    assert response == {"batchItemFailures": []}
    summary = pipeline.summary("slow.txt")
    assert (summary["status"], summary["outcome"], summary["reason"]) == (
        "rejected",
        "time_limit",
        "the scan took longer than 1e-06 s",
    )
    (gap,) = pipeline.findings("slow.txt")  # the partial findings are dropped; the object is a coverage gap
    assert (gap["rule_ids"], gap["preview"]) == (["PRIVSCAN-COVERAGE-GAP"], "time_limit")
