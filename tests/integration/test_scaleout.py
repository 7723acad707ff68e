"""The scale-out path on moto: a large object goes to the (locally played) state machine, is planned,
scanned chunk by chunk through the real handlers and reduced into the items a single pass writes;
re-runs change nothing; the backfill submits only what was not scanned yet."""

from __future__ import annotations

import gzip
import io
import json

import boto3
import pytest
from privscan import settings, wiring
from privscan.ingest.backfill import backfill, current_versions
from privscan.ingest.chunked.work import canonical_key
from privscan.ingest.events import ObjectRef
from privscan.pipeline import scan_stream
from privscan.store.findings_store import FindingsStore
from privscan.store.keyring import fingerprinter_from_secret
from privscan_tools.local import executions
from privscan_tools.local.worker import load_handler

from tests.conftest import REPO_ROOT
from tests.integration.conftest import notification
from tests.unit.chunked.test_chunked_equality import customers_csv


def use_chunks(monkeypatch, threshold: int, chunk: int) -> None:
    monkeypatch.setenv("CHUNK_THRESHOLD_BYTES", str(threshold))
    monkeypatch.setenv("CHUNK_BYTES", str(chunk))
    settings.get_settings.cache_clear()
    wiring.get_service.cache_clear()
    wiring.get_scaleout.cache_clear()


def single_pass(body: bytes, key: str, scanner) -> list[dict]:
    secret = boto3.client("secretsmanager").get_secret_value(SecretId=settings.get_settings().fingerprint_secret_arn)
    found = []
    scan_stream(
        key,
        io.BytesIO(body),
        scanner=scanner,
        fingerprinter=fingerprinter_from_secret(secret["SecretString"]),
        sink=found.append,
    )
    return [{k: v for k, v in f.to_dict().items() if k != "object"} for f in sorted(found, key=canonical_key)]


KEEP = (
    "record",
    "field",
    "start",
    "end",
    "entity_type",
    "severity",
    "rule_ids",
    "preview",
    "count",
    "distinct",
    "fingerprint",
    "role",
)


def stored(pipeline, key: str) -> list[dict]:
    return [{k: item.get(k) for k in KEEP} for item in pipeline.findings(key)]


def test_a_large_csv_is_scanned_in_chunks_with_the_single_pass_items(pipeline, monkeypatch, scanner):
    use_chunks(monkeypatch, threshold=10_000, chunk=4096)
    body = customers_csv(200, seed=4)
    pipeline.put("datasets/big/customers.csv", body)
    response, bodies = pipeline.deliver()
    assert response == {"batchItemFailures": []}
    summary = pipeline.summary("datasets/big/customers.csv")
    assert (summary["status"], summary["records"], summary["format"]) == ("done", 200, "csv")
    staged = boto3.client("s3").list_objects_v2(Bucket=pipeline.stack.outputs["ResultsBucketName"], Prefix="staging/")
    parts = [o["Key"] for o in staged["Contents"] if "/parts/" in o["Key"]]
    assert summary["bytes_read"] == len(body) and len(parts) == 5  # 18,223 bytes in chunks of at least 4,096
    single = single_pass(body, "datasets/big/customers.csv", scanner)
    expected = [{k: f.get(k) for k in KEEP} for f in single]
    assert stored(pipeline, "datasets/big/customers.csv") == expected
    # the results object, assembled from the parts' bytes and the closing column findings, is the single
    # pass's findings line for line (in canonical order)
    bucket, results_key = summary["results_uri"].removeprefix("s3://").split("/", 1)
    lines = boto3.client("s3").get_object(Bucket=bucket, Key=results_key)["Body"].read().splitlines()
    assert [{k: v for k, v in json.loads(line).items() if k != "object"} for line in lines] == single
    assert summary["findings"] == len(single) and any(f["count"] for f in single)  # column findings at the end

    # re-running the reducer (a Step Functions retry) and a duplicate S3 event change nothing
    before = pipeline.items()
    plan_key = next(k for k in (o["Key"] for o in staged["Contents"]) if k.endswith("plan.json"))
    ref = json.loads(
        boto3.client("s3")
        .get_object(
            Bucket=pipeline.stack.outputs["ResultsBucketName"], Key=plan_key.replace("plan.json", "manifest.json")
        )["Body"]
        .read()
    )[0]
    wiring.get_scaleout(settings.get_settings()).reduce(ObjectRef(**ref["object"]), plan_key)
    pipeline.invoke(bodies)
    strip = lambda items: sorted((i["sk"], {k: v for k, v in i.items() if k != "updated_at"}) for i in items)
    assert strip(pipeline.items()) == strip(before)


def test_past_the_item_cap_the_reducer_stores_the_first_findings_and_the_results_object_holds_all(
    pipeline, monkeypatch, scanner
):
    monkeypatch.setenv("MAX_FINDING_ITEMS", "25")
    use_chunks(monkeypatch, threshold=10_000, chunk=4096)
    body = customers_csv(200, seed=5)
    pipeline.put("datasets/big/capped.csv", body)
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    summary = pipeline.summary("datasets/big/capped.csv")
    single = single_pass(body, "datasets/big/capped.csv", scanner)
    assert (summary["status"], summary["truncated"], summary["findings"]) == ("done", True, len(single))
    keep = ("record", "field", "start", "end", "entity_type", "preview", "fingerprint")
    assert [{k: item.get(k) for k in keep} for item in pipeline.findings("datasets/big/capped.csv")] == [
        {k: f.get(k) for k in keep} for f in single[:25]
    ]
    bucket, results_key = summary["results_uri"].removeprefix("s3://").split("/", 1)
    lines = boto3.client("s3").get_object(Bucket=bucket, Key=results_key)["Body"].read().splitlines()
    assert [{k: v for k, v in json.loads(line).items() if k != "object"} for line in lines] == single


def chats_jsonl(conversations: int) -> bytes:
    lines = [
        {
            "messages": [
                {"role": "system", "content": "You are Sam, the support assistant of Kitchenly."},
                {"role": "user", "content": "Hi Sam, I am Anna Schneider."},
            ]
        }
    ]
    for i in range(conversations):
        lines.append(
            {
                "id": i,
                "messages": [
                    {"role": "user", "content": f"Sam, please send it to customer{i}@example.com"},
                    {"role": "assistant", "content": "Sam here: I wrote to Jonas Weber in Berlin."},
                ],
            }
        )
    return "\n".join(json.dumps(line) for line in lines).encode() + b"\n"


@pytest.mark.parametrize(
    "key, body",
    [
        ("datasets/big/customers.csv.gz", gzip.compress(customers_csv(200, seed=6))),
        ("datasets/big/chats.jsonl", chats_jsonl(150)),
    ],
)
def test_a_planner_out_of_budget_is_called_again_and_the_findings_are_the_single_pass(
    pipeline, monkeypatch, scanner, key, body
):
    monkeypatch.setenv("PLAN_BUDGET_BYTES", "3000")  # a few KB per planner invocation
    use_chunks(monkeypatch, threshold=1_000, chunk=2048)
    plan_calls = []
    plan_handler = load_handler(REPO_ROOT, "plan_object")
    monkeypatch.setattr(
        executions,
        "_handler",
        lambda name: (
            (lambda event, context: plan_calls.append(event.get("planned")) or plan_handler(event, context))
            if name == "plan_object"
            else load_handler(REPO_ROOT, name)
        ),
    )
    pipeline.put(key, body)
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    inflated = len(gzip.decompress(body)) if key.endswith(".gz") else len(body)
    assert plan_calls[0] is None and plan_calls[1:] == [False] * (len(plan_calls) - 1)
    assert len(plan_calls) >= inflated // 3000  # each invocation read at most a few KB more than its budget
    summary = pipeline.summary(key)
    assert summary["status"] == "done"
    single = single_pass(body, key, scanner)
    assert stored(pipeline, key) == [{k: f.get(k) for k in KEEP} for f in single]
    staging = pipeline.stack.outputs["ResultsBucketName"]
    plans = [
        o["Key"]
        for o in boto3.client("s3").list_objects_v2(Bucket=staging, Prefix="staging/")["Contents"]
        if o["Key"].endswith("plan.json")
    ]
    plan = json.loads(boto3.client("s3").get_object(Bucket=staging, Key=plans[0])["Body"].read())
    assert plan["cursor"] is None and len(plan["chunks"]) >= inflated // 2048


def test_a_reducer_that_finishes_after_a_newer_version_was_recorded_changes_nothing(pipeline, monkeypatch):
    use_chunks(monkeypatch, threshold=10_000, chunk=4096)
    key, s3 = "datasets/big/late.csv", boto3.client("s3")
    pipeline.put(key, customers_csv(200, seed=4))
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    results = pipeline.stack.outputs["ResultsBucketName"]
    staged = s3.list_objects_v2(Bucket=results, Prefix="staging/")["Contents"]
    manifest = next(o["Key"] for o in staged if o["Key"].endswith("manifest.json"))
    chunked = json.loads(s3.get_object(Bucket=results, Key=manifest)["Body"].read())[0]
    body = b"name,email\nMarie Dubois,marie.dubois@example.net\n"
    newer = pipeline.put(key, body)
    pipeline.receive()
    etag = newer["ETag"].strip('"')
    event = notification(pipeline.stack.bucket, key, newer["VersionId"], etag, "0B", size=len(body))
    assert pipeline.invoke([event]) == {"batchItemFailures": []}
    recorded = [i for i in pipeline.items() if not i["sk"].startswith("STATUS#")]

    # the chunked scan of the older version reduces late (a retry, a slow map): it must not replace the newer
    reduce = wiring.get_scaleout(settings.get_settings()).reduce
    assert reduce(ObjectRef(**chunked["object"]), chunked["plan_key"]) == {"status": "superseded"}
    assert [i for i in pipeline.items() if not i["sk"].startswith("STATUS#")] == recorded
    assert pipeline.summary(key)["version"] == newer["VersionId"]
    assert {f["version"] for f in pipeline.findings(key)} == {newer["VersionId"]}
    older = ObjectRef(**chunked["object"]).version_token
    assert (
        pipeline.table.get_item(Key={"pk": f"OBJ#{pipeline.stack.bucket}#{key}", "sk": f"STATUS#{older}"})["Item"][
            "status"
        ]
        == "superseded"
    )


def test_backfill_submits_what_was_not_scanned_and_skips_the_rest(pipeline, monkeypatch):
    use_chunks(monkeypatch, threshold=10**9, chunk=10**9)
    pipeline.put("old/a.txt", b"Call +49 151 23456789\n")
    pipeline.put("old/b.txt", b"nothing here\n")
    pipeline.put("other/c.txt", b"IBAN DE89370400440532013000\n")
    pipeline.receive()  # the uploads happened before privscan was deployed: their notifications are lost
    store = FindingsStore(pipeline.table)
    s3 = boto3.client("s3")

    counts = backfill(
        store, pipeline.sqs, pipeline.stack.queue_url, current_versions(s3, pipeline.stack.bucket, "old/")
    )
    assert vars(counts) == {"listed": 2, "skipped": 0, "submitted": 2}
    response, bodies = pipeline.deliver()
    assert response == {"batchItemFailures": []} and len(bodies) == 2
    assert [pipeline.summary(k)["status"] for k in ("old/a.txt", "old/b.txt")] == ["done", "done"]
    assert [(f["record"], f["entity_type"]) for f in pipeline.findings("old/a.txt")] == [(0, "PHONE_NUMBER")]

    pipeline.put("old/b.txt", b"a new version: anna@example.com\n")
    pipeline.receive()
    counts = backfill(
        store, pipeline.sqs, pipeline.stack.queue_url, current_versions(s3, pipeline.stack.bucket, "old/")
    )
    assert vars(counts) == {"listed": 2, "skipped": 1, "submitted": 1}

    pipeline.put("old/d.txt", b"scanned on upload\n")
    assert pipeline.deliver()[0] == {"batchItemFailures": []}  # moto's notification has no version id
    counts = backfill(
        store, pipeline.sqs, pipeline.stack.queue_url, current_versions(s3, pipeline.stack.bucket, "old/d")
    )
    assert vars(counts) == {"listed": 1, "skipped": 1, "submitted": 0}


def test_the_backfill_batch_function_takes_listing_and_inventory_items(pipeline, monkeypatch, lambda_context):
    """The Distributed Map child (functions/backfill_batch) on a batch of items as each ItemReader gives them."""
    use_chunks(monkeypatch, threshold=10**9, chunk=10**9)
    for name, value in pipeline.stack.function_envs["BackfillBatchFunction"].items():
        monkeypatch.setenv(name, value)
    handler = load_handler(REPO_ROOT, function="backfill_batch")
    bucket = pipeline.stack.bucket
    first = pipeline.put("inv/a b.txt", b"Call +49 151 23456789\n")
    pipeline.put("inv/a b.txt", b"a newer version: anna@example.com\n")
    pipeline.put("inv/c.txt", b"nothing here\n")
    pipeline.receive()
    s3 = boto3.client("s3")
    versions = s3.list_object_versions(Bucket=bucket, Prefix="inv/")["Versions"]
    latest = {v["Key"]: v for v in versions if v["IsLatest"]}

    def inventory_row(key, version_id, is_latest, etag, size, delete_marker="false", source=bucket):
        return {
            "Bucket": source,
            "Key": key.replace(" ", "+"),
            "VersionId": version_id,
            "IsLatest": is_latest,
            "IsDeleteMarker": delete_marker,
            "Size": str(size),
            "ETag": etag.strip('"'),
        }

    items = [
        inventory_row("inv/a b.txt", first["VersionId"], "false", first["ETag"], 22),  # an older version
        inventory_row("inv/a b.txt", latest["inv/a b.txt"]["VersionId"], "true", latest["inv/a b.txt"]["ETag"], 34),
        inventory_row("inv/gone.txt", "v-deleted", "true", "", 0, delete_marker="true"),
        inventory_row(
            "inv/c.txt",
            latest["inv/c.txt"]["VersionId"],
            "true",
            latest["inv/c.txt"]["ETag"],
            13,
            source="another-bucket",
        ),
    ]
    assert handler({"bucket": bucket, "items": items}, lambda_context) == {"listed": 1, "skipped": 0, "submitted": 1}
    response, bodies = pipeline.deliver()
    assert response == {"batchItemFailures": []} and len(bodies) == 1
    assert [f["entity_type"] for f in pipeline.findings("inv/a b.txt")] == ["EMAIL_ADDRESS"]  # the current version

    # a listing batch (s3:listObjectsV2 items): the scanned object is skipped, the other submitted
    listing = [
        {"Key": o["Key"], "ETag": o["ETag"], "Size": o["Size"]}
        for o in s3.list_objects_v2(Bucket=bucket, Prefix="inv/")["Contents"]
    ]
    assert handler({"bucket": bucket, "items": listing}, lambda_context) == {"listed": 2, "skipped": 1, "submitted": 1}
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    assert handler({"bucket": bucket, "items": items + listing}, lambda_context) == {
        "listed": 3,
        "skipped": 3,
        "submitted": 0,
    }
