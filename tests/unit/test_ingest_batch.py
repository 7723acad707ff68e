"""ingest.batch: an SQS batch's objects side by side, a key's events in order, failures per message, no content."""

from __future__ import annotations

import io
import json
import logging
import threading
import time
from types import SimpleNamespace

import pytest
from privscan.engine.config import EngineConfig
from privscan.ingest.batch import BatchFailed, handle_batch
from privscan.observability import logger

CONCURRENT = SimpleNamespace(concurrent=True, config=EngineConfig(workers=2))
SEQUENTIAL = SimpleNamespace(concurrent=False, config=EngineConfig(workers=1))


def notification(*keys: str, name: str = "ObjectCreated:Put", size: int = 10) -> str:
    records = [
        {
            "eventSource": "aws:s3",
            "eventName": name,
            "eventTime": "2026-12-07T10:00:00.000Z",
            "s3": {
                "bucket": {"name": "uploads"},
                "object": {"key": key, "size": size, "eTag": "e", "versionId": "v1", "sequencer": f"{index:04X}"},
            },
        }
        for index, key in enumerate(keys, start=1)
    ]
    return json.dumps({"Records": records})


def batch(*bodies: str) -> list[dict]:
    return [{"messageId": f"m{index}", "body": body} for index, body in enumerate(bodies)]


class Recorder:
    """A stand-in for the service: records (thread, key, kind) per event; fails on the keys it is told to."""

    def __init__(self, failing: tuple[str, ...] = (), pause_s: float = 0.0):
        self.calls: list[tuple[str, str, str]] = []
        self.failing, self.pause_s = failing, pause_s
        self.lock = threading.Lock()
        self.running = 0
        self.most_at_once = 0

    def __call__(self, *, event) -> dict:
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.calls.append((threading.current_thread().name, event.ref.key, str(event.kind)))
        try:
            time.sleep(self.pause_s)
            if event.ref.key in self.failing:
                raise KeyError(f"value-from-{event.ref.key}")
            return {"status": "done"}
        finally:
            with self.lock:
                self.running -= 1


def test_objects_of_different_keys_run_side_by_side_and_all_succeed():
    handle = Recorder(pause_s=0.2)
    response = handle_batch(
        batch(notification("a.csv"), notification("b.csv"), notification("c.csv")), handle, CONCURRENT
    )
    assert response == {"batchItemFailures": []}
    assert sorted(key for _, key, _ in handle.calls) == ["a.csv", "b.csv", "c.csv"]
    assert handle.most_at_once >= 2


def test_events_of_one_key_are_handled_in_arrival_order_in_one_thread():
    handle = Recorder(pause_s=0.05)
    bodies = [notification("k.csv"), notification("other.csv"), notification("k.csv", name="ObjectRemoved:Delete")]
    assert handle_batch(batch(*bodies), handle, CONCURRENT) == {"batchItemFailures": []}
    of_key = [(thread, kind) for thread, key, kind in handle.calls if key == "k.csv"]
    assert [kind for _, kind in of_key] == ["created", "removed"]
    assert len({thread for thread, _ in of_key}) == 1


def test_a_message_naming_two_keys_joins_their_chains():
    handle = Recorder(pause_s=0.05)
    bodies = [
        notification("x"),
        notification("y"),
        notification("x", "y"),
        notification("y", name="ObjectRemoved:Delete"),
    ]
    assert handle_batch(batch(*bodies), handle, CONCURRENT) == {"batchItemFailures": []}
    assert [(key, kind) for _, key, kind in handle.calls] == [
        ("x", "created"),
        ("y", "created"),
        ("x", "created"),
        ("y", "created"),
        ("y", "removed"),
    ]
    assert len({thread for thread, _, _ in handle.calls}) == 1


@pytest.mark.parametrize("scanner", [CONCURRENT, SEQUENTIAL], ids=["concurrent", "sequential"])
def test_a_failing_message_fails_alone_and_is_told_without_its_content(scanner, caplog):
    caplog.set_level(logging.DEBUG)
    handle = Recorder(failing=("bad.csv",))
    records = batch(notification("good.csv"), notification("bad.csv"), "{not json", notification("also-good.csv"))
    assert handle_batch(records, handle, scanner) == {
        "batchItemFailures": [{"itemIdentifier": "m2"}, {"itemIdentifier": "m1"}]
    }
    failures = [getattr(record, "failure", "") for record in caplog.records]
    assert any(failure.startswith("ContentFreeError: JSONDecodeError at ") for failure in failures)
    assert any(failure.startswith("ContentFreeError: KeyError at test_ingest_batch.py:") for failure in failures)
    assert "value-from-bad.csv" not in caplog.text + " ".join(failures)
    assert sorted(key for _, key, _ in handle.calls) == ["also-good.csv", "bad.csv", "good.csv"]


def test_when_every_message_fails_the_invocation_fails_without_content():
    with pytest.raises(BatchFailed) as failed:
        handle_batch(batch(notification("bad.csv"), "{"), Recorder(failing=("bad.csv",)), CONCURRENT)
    message = str(failed.value)
    assert message.startswith("all 2 messages failed: ContentFreeError: JSONDecodeError at ")
    assert "ContentFreeError: KeyError at test_ingest_batch.py:" in message
    assert "value-from" not in message


def test_an_empty_batch_and_test_events_answer_no_failure():
    handle = Recorder()
    assert handle_batch([], handle, CONCURRENT) == {"batchItemFailures": []}
    test_event = json.dumps({"Event": "s3:TestEvent"})
    assert handle_batch(batch(test_event), handle, CONCURRENT) == {"batchItemFailures": []}
    assert handle.calls == []


def test_each_thread_logs_its_own_object_only(monkeypatch):
    """An object's log keys (set per thread by the service) never appear on another object's lines."""
    written = io.StringIO()
    monkeypatch.setattr(logger.registered_handler, "stream", written)

    def handle(*, event) -> dict:
        logger.thread_safe_append_keys(object_ref=f"ref-{event.ref.key}")
        time.sleep(0.05)
        logger.info("scanned")
        return {}

    assert handle_batch(batch(*(notification(f"o{i}") for i in range(4))), handle, CONCURRENT) == {
        "batchItemFailures": []
    }
    lines = [json.loads(line) for line in written.getvalue().splitlines() if '"scanned"' in line]
    assert sorted(line["object_ref"] for line in lines) == ["ref-o0", "ref-o1", "ref-o2", "ref-o3"]
