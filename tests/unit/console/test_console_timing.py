"""The listing's answer time with 5,000 findings in the local stack's DynamoDB (moto): the first read of the
bucket, then filter changes served from the warm function's rows (docs/console.md)."""

from __future__ import annotations

import time

from privscan.ingest.events import ObjectRef
from privscan.store.dynamo import to_item

from tests.unit.console.conftest import DIRECT, NATIONAL, finding

OBJECTS, PER_OBJECT = 50, 100
ENTITIES = ("IBAN_CODE", "EMAIL_ADDRESS", "PERSON", "DE_TAX_ID", "PHONE_NUMBER")
SEVERITIES = ("low", "medium", "high", "critical")


def put_object_findings(store, bucket: str, key: str, findings: list) -> None:
    """The items a scan writes (the store's own item fields), put in batches: moto copies every table for each
    transaction, which makes 5,000 transactional writes take minutes."""
    ref = ObjectRef(bucket, key, "v1")
    with store.table.batch_writer() as batch:
        for seq, item in enumerate(findings):
            batch.put_item(Item=to_item(store._finding_fields(ref, seq, item)))
    store.put_summary(ref, {"status": "done", "findings": len(findings)})


def test_a_filter_change_over_5000_findings_answers_in_under_a_second(console):
    store = console.services.review.store
    for o in range(OBJECTS):
        key = f"load/part-{o:03d}.jsonl"
        put_object_findings(
            store,
            console.bucket,
            key,
            [
                finding(key, n, ENTITIES[n % 5], SEVERITIES[n % 4], [DIRECT] if n % 3 else [NATIONAL, DIRECT],
                        "*" * 8, field="text", start=0, end=8)
                for n in range(PER_OBJECT)
            ],
        )  # fmt: skip
    console.services.index.clear()
    console.services.index.max_age = 3600  # this test measures reads after changes, not the refresh of old rows

    def timed(query: dict) -> tuple[float, dict]:
        started = time.perf_counter()
        status, page, _ = console.call("GET", "/console/api/findings", query)
        assert status == 200
        return time.perf_counter() - started, page

    cold, page = timed({"prefix": "load/"})
    assert page["total"] == 5000
    changes = [
        {"prefix": "load/", "severity": "high"},
        {"prefix": "load/", "severity": "high", "entity": "PERSON"},
        {"prefix": "load/", "rule": NATIONAL, "sort": "object", "order": "asc", "page": 3},
        {"prefix": "load/part-01", "status": "open", "sort": "created"},
    ]
    warm = []
    for query in changes:
        seconds, page = timed(query)
        warm.append(seconds)
    assert page["total"] == 1000  # part-010 .. part-019
    # a new scan of one object: only that object is read again
    key = "load/part-000.jsonl"
    ref = ObjectRef(console.bucket, key, "v2", sequencer="0F")
    store.replace_findings(ref, [finding(key, 0, "PERSON", "critical", [DIRECT], "****")])
    store.put_summary(ref, {"status": "done", "findings": 1})
    rescanned, page = timed({"prefix": "load/", "severity": "critical"})
    assert page["total"] == 50 * 25 - 25 + 1
    print(
        f"\n5000 findings: first read {cold:.3f} s; filter changes {', '.join(f'{s:.3f}' for s in warm)} s; "
        f"after one object's new scan {rescanned:.3f} s"
    )
    assert max(warm) < 1.0
