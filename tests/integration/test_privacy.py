"""No planted personal value may reach a log line, a DynamoDB item, a results object or a CLI summary."""

from __future__ import annotations

import io
import json
import logging
import re

import boto3
import pytest
from privscan.ingest.batch import BatchFailed
from privscan.observability import logger

PLANTED = {
    "name": "Wilhelmina Zwartkopf",
    "email": "w.zwartkopf@example.com",
    "iban": "DE89370400440532013000",
    "phone": "+49 151 98765432",
    "ip": "203.0.113.77",
}


def planted_dataset() -> dict[str, bytes]:
    row = f"{PLANTED['name']},{PLANTED['email']},{PLANTED['iban']},{PLANTED['phone']},{PLANTED['ip']}"
    chat = {"messages": [{"role": "user", "content": f"I'm {PLANTED['name']}, mail me at {PLANTED['email']}"}]}
    return {
        "p/customers.csv": f"name,email,iban,phone,ip\n{row}\n".encode(),
        "p/chat.jsonl": (json.dumps(chat) + "\n").encode(),
        "p/notes.txt": f"Ring {PLANTED['phone']} or wire to {PLANTED['iban']}\n".encode(),
        "p/broken.json": f'{{"email": "{PLANTED["email"]}", '.encode(),
    }


def leaked(text: str) -> list[str]:
    compact = text.replace(" ", "")
    return [k for k, v in PLANTED.items() if v in text or v.replace(" ", "") in compact]


def test_planted_values_reach_no_log_item_or_results_object(pipeline, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    for key, body in planted_dataset().items():
        pipeline.put(key, body)
    response, _ = pipeline.deliver()
    assert response == {"batchItemFailures": []}

    captured = capsys.readouterr()
    logs = captured.out + captured.err + "\n".join(r.getMessage() for r in caplog.records)
    assert "object scanned" in logs  # the logger did run
    assert leaked(logs) == []

    items = json.dumps(pipeline.items(), default=str)
    assert "EMAIL_ADDRESS" in items and "IBAN_CODE" in items  # the values were found ...
    assert leaked(items) == []  # ... and only masked previews and fingerprints were stored

    idempotency = boto3.resource("dynamodb").Table(pipeline.stack.outputs["IdempotencyTableName"]).scan()["Items"]
    assert leaked(json.dumps(idempotency, default=str)) == []

    s3 = pipeline.s3
    results_bucket = pipeline.stack.outputs["ResultsBucketName"]
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=results_bucket).get("Contents", [])]
    assert keys
    for key in keys:
        assert leaked(s3.get_object(Bucket=results_bucket, Key=key)["Body"].read().decode()) == []


SDK_LOGGERS = ("botocore", "boto3", "s3transfer", "urllib3", "moto")


def test_an_object_key_holding_an_address_stays_out_of_the_logs(pipeline, capsys, caplog):
    """Logs name an object by a keyed hash of its key (also on its summary item), never by the key."""
    caplog.set_level(logging.DEBUG)
    structured = io.StringIO()  # the JSON lines as Lambda would write them, appended keys included
    handler = logging.StreamHandler(structured)
    handler.setFormatter(logger.registered_formatter)
    logger._logger.addHandler(handler)
    try:
        key = f"exports/{PLANTED['email']}/profile.txt"
        pipeline.put(key, b"nothing personal in here\n")
        assert pipeline.deliver()[0] == {"batchItemFailures": []}
        other = f"exports/{PLANTED['name']}/profile.txt"
        pipeline.put(other, b"nothing personal in here\n")
        assert pipeline.deliver()[0] == {"batchItemFailures": []}
    finally:
        logger._logger.removeHandler(handler)

    captured = capsys.readouterr()
    lines = structured.getvalue()
    # privscan's own records; the AWS SDK's DEBUG logging (off in Lambda) prints request parameters
    own = [r.getMessage() for r in caplog.records if not r.name.startswith(SDK_LOGGERS)]
    logs = lines + captured.out + captured.err + "\n".join(own)
    assert leaked(logs) == [] and "exports/" not in logs
    scanned = [json.loads(line) for line in lines.splitlines() if '"object scanned"' in line]
    refs = [pipeline.summary(key)["object_ref"], pipeline.summary(other)["object_ref"]]
    assert [line["object_ref"] for line in scanned] == refs
    assert len(set(refs)) == 2 and all(len(ref) == 16 for ref in refs)


def test_a_failing_record_leaves_no_trace_of_its_column_name(pipeline, monkeypatch, capsys, caplog):
    """A failure outside the scan itself (here the results spool) whose exception names a value fails its
    record with a content-free error: the batch processor's log lines, the batch failure that Lambda logs
    and the status item carry the exception type and code locations only. (A failure inside the scan is
    the object's recorded outcome: tests/unit/test_scan_unexpected.py.)"""
    from privscan.store.spool import FindingSpool

    def fails(self, line):
        raise KeyError(PLANTED["email"])

    monkeypatch.setattr(FindingSpool, "__call__", fails)
    caplog.set_level(logging.DEBUG)
    pipeline.put("p/customers.csv", f"{PLANTED['email']}\nx\n".encode())
    pipeline.put("p/notes.txt", b"nothing personal in here\n")
    bodies = [m["Body"] for m in pipeline.receive()]
    failing = next(f"msg-{index}" for index, body in enumerate(bodies) if "customers" in body)
    assert pipeline.invoke(bodies) == {"batchItemFailures": [{"itemIdentifier": failing}]}
    with pytest.raises(BatchFailed) as everything_failed:  # Lambda logs it and counts an error
        pipeline.invoke([body for body in bodies if "customers" in body])

    captured = capsys.readouterr()
    own = [r.getMessage() for r in caplog.records if not r.name.startswith(SDK_LOGGERS)]
    logs = captured.out + captured.err + "\n".join(own) + str(everything_failed.value)
    assert leaked(logs) == [] and "zwartkopf" not in logs  # no trace of the column's name ...
    reason = re.search(r"ContentFreeError: (KeyError at \S+ in \w+ via \S+ in \S+)", str(everything_failed.value))
    assert reason and reason[1].startswith("KeyError at test_privacy.py:")  # ... but the failure is told
    assert f"ContentFreeError: {reason[1]}" in [getattr(record, "failure", None) for record in caplog.records]
    statuses = [i for i in pipeline.items() if i["sk"].startswith("STATUS#") and i["key"] == "p/customers.csv"]
    assert [(i["status"], i["reason"]) for i in statuses] == [("failed", "KeyError while scanning")]


def stored_text(pipeline) -> str:
    results = pipeline.stack.outputs["ResultsBucketName"]
    listed = pipeline.s3.list_objects_v2(Bucket=results).get("Contents", [])
    bodies = [pipeline.s3.get_object(Bucket=results, Key=o["Key"])["Body"].read().decode() for o in listed]
    keys = [o["Key"] for o in listed]
    return json.dumps([pipeline.items(), keys, bodies], default=str, ensure_ascii=False)


def test_an_object_named_after_a_person_is_stored_under_a_masked_key(pipeline):
    """`Müller.csv`: no item, index key or results object holds the name; the object is found by its key."""
    from privscan.store.findings_store import FindingsStore

    pipeline.put("people/Müller.csv", b"id,email\n1,w.zwartkopf@example.com\n")
    pipeline.put("people/orders.csv", b"id,amount\n1,20\n")
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    text = stored_text(pipeline)
    assert "Müller" not in text and "M\\u00fcller" not in text and PLANTED["email"] not in text

    stored = pipeline.stored_key("people/Müller.csv")
    assert stored.startswith("people/M***~") and stored.endswith(".csv")
    assert pipeline.summary("people/Müller.csv")["status"] == "done"
    kinds = {(f.get("where"), f["entity_type"]) for f in pipeline.findings("people/Müller.csv")}
    assert kinds == {("object_key", "PERSON"), (None, "EMAIL_ADDRESS")}
    listed = sorted(s["key"] for s in FindingsStore(pipeline.table).list_summaries(pipeline.stack.bucket, "people/"))
    assert listed == sorted([stored, "people/orders.csv"])  # a key without personal data is stored as it is


def test_keys_that_differ_only_in_personal_data_do_not_collide(pipeline):
    keys = [f"exports/{PLANTED['email']}/data.csv", "exports/w.zwartkopf@example.org/data.csv"]
    for key in keys:
        pipeline.put(key, b"id,amount\n1,20\n")
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    stored = [pipeline.stored_key(key) for key in keys]
    assert stored[0] != stored[1] and all(s.startswith("exports/w***@e***.") for s in stored)
    assert [pipeline.summary(key)["status"] for key in keys] == ["done", "done"]
    assert "zwartkopf" not in stored_text(pipeline)


def test_a_500_kb_column_name_is_stored_within_the_item_limit(pipeline):
    """DynamoDB refuses items over 400 KB: a finding in that column must still be written."""
    name = "Q" * 500_000
    pipeline.put("wide/wide.csv", f"id,{name}\n1,call {PLANTED['phone']}\n".encode())
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    assert pipeline.summary("wide/wide.csv")["status"] == "done"
    (phone,) = pipeline.findings("wide/wide.csv")
    assert phone["entity_type"] == "PHONE_NUMBER" and len(phone["field"]) <= 256
    assert max(len(json.dumps(item, default=str)) for item in pipeline.items()) < 10_000
