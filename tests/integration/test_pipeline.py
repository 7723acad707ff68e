"""S3 put → SQS notification → scan_object handler → DynamoDB, on moto, with the template's own resources."""

from __future__ import annotations

import gzip
import json

from privscan.store.dynamo import from_item

from tests.integration.conftest import notification
from tests.unit.engine.test_conversation_shapes import NONE_FLAGGED, NONE_FOUND

CUSTOMERS = (
    b"name;email;iban;notes\n"
    b"Anna Schneider;anna.schneider@example.com;DE89370400440532013000;Prefers delivery after 6pm.\n"
    b"Lukas Weber;lukas.weber@example.org;DE02120300000000202051;Call back on +49 151 23456789 please.\n"
    b"Marie Dubois;marie.dubois@example.net;DE02500105170137075030;\n"
)


def test_csv_upload_produces_column_and_cell_findings_and_a_summary(pipeline):
    pipeline.put("datasets/crm/customers.csv", CUSTOMERS)
    response, bodies = pipeline.deliver()
    assert response == {"batchItemFailures": []}
    assert len(bodies) == 1

    summary = pipeline.summary("datasets/crm/customers.csv")
    assert (summary["status"], summary["outcome"], summary["format"], summary["records"]) == (
        "done",
        "scanned",
        "csv",
        3,
    )
    assert summary["gsi1pk"] == f"BUCKET#{pipeline.stack.bucket}" and summary["gsi1sk"] == "datasets/crm/customers.csv"
    assert summary["results_uri"].startswith(f"s3://{pipeline.stack.outputs['ResultsBucketName']}/results/")

    findings = pipeline.findings("datasets/crm/customers.csv")
    by_kind = {(f.get("record", None), f["field"], f["entity_type"]) for f in findings}
    assert (None, "email", "EMAIL_ADDRESS") in by_kind
    assert (None, "iban", "IBAN_CODE") in by_kind
    phone = [f for f in findings if f["entity_type"] == "PHONE_NUMBER"]
    assert [(p["record"], p["field"], p["start"], p["end"], p["preview"]) for p in phone] == [
        (1, "notes", 13, 29, "+** *** ******89")
    ]
    email_column = next(f for f in findings if f["entity_type"] == "EMAIL_ADDRESS")
    assert (email_column["count"], email_column["distinct"], len(email_column["occurrences"])) == (3, 3, 3)
    assert all(
        f["review_status"] == "open" and f["gsi2pk"].startswith(f"OPEN#{pipeline.stack.bucket}#") for f in findings
    )


def test_the_same_event_delivered_twice_does_not_duplicate_findings(pipeline):
    pipeline.put("twice.csv", CUSTOMERS)
    _, bodies = pipeline.deliver()
    first = pipeline.items()
    assert pipeline.invoke(bodies + bodies) == {"batchItemFailures": []}
    assert sorted((i["pk"], i["sk"]) for i in pipeline.items()) == sorted((i["pk"], i["sk"]) for i in first)


def test_a_new_version_replaces_the_old_findings(pipeline):
    pipeline.put("people.txt", b"Write to anna.schneider@example.com\nor to lukas.weber@example.org\n")
    pipeline.deliver()
    old = pipeline.findings("people.txt")
    assert len(old) == 2
    pipeline.put("people.txt", b"Only marie.dubois@example.net now\n")
    pipeline.deliver()
    new = pipeline.findings("people.txt")
    assert [(f["record"], f["start"], f["end"], f["entity_type"]) for f in new] == [(0, 5, 29, "EMAIL_ADDRESS")]
    assert new[0]["version"] != old[0]["version"]
    assert pipeline.summary("people.txt")["version"] == new[0]["version"]


def test_an_older_version_arriving_late_is_recorded_as_superseded(pipeline):
    first = pipeline.put("late.txt", b"anna.schneider@example.com\n")
    second = pipeline.put("late.txt", b"lukas.weber@example.org\n")
    pipeline.receive()
    bucket = pipeline.stack.bucket
    pipeline.invoke([notification(bucket, "late.txt", second["VersionId"], second["ETag"].strip('"'), "0B")])
    pipeline.invoke([notification(bucket, "late.txt", first["VersionId"], first["ETag"].strip('"'), "0A")])
    assert pipeline.summary("late.txt")["version"] == second["VersionId"]
    statuses = {i["sk"]: i["status"] for i in pipeline.items() if i["sk"].startswith("STATUS#")}
    assert statuses == {f"STATUS#{second['VersionId']}": "done", f"STATUS#{first['VersionId']}": "superseded"}


def test_object_removed_marks_findings_deleted_and_closes_them(pipeline):
    version = pipeline.put("gone.txt", b"anna.schneider@example.com\n")["VersionId"]
    pipeline.deliver()
    # moto notifies a permanent delete of the last version (ObjectRemoved:Delete), not a delete marker
    pipeline.s3.delete_object(Bucket=pipeline.stack.bucket, Key="gone.txt", VersionId=version)
    response, bodies = pipeline.deliver()
    assert response == {"batchItemFailures": []}
    assert json.loads(bodies[0])["Records"][0]["eventName"] == "ObjectRemoved:Delete"
    finding = pipeline.findings("gone.txt")[0]
    assert finding["object_deleted"] is True and "gsi2pk" not in finding
    assert pipeline.summary("gone.txt")["status"] == "deleted"


def test_a_delete_marker_marks_findings_deleted(pipeline):
    pipeline.put("marked.txt", b"anna.schneider@example.com\n")
    pipeline.deliver()
    marker = json.loads(notification(pipeline.stack.bucket, "marked.txt", "marker-version-1", "", "0F"))
    record = marker["Records"][0]
    record["eventName"] = "ObjectRemoved:DeleteMarkerCreated"
    del record["s3"]["object"]["eTag"], record["s3"]["object"]["size"]
    assert pipeline.invoke([json.dumps(marker)]) == {"batchItemFailures": []}
    assert pipeline.summary("marked.txt")["status"] == "deleted"
    assert all(f["object_deleted"] for f in pipeline.findings("marked.txt"))


def test_deleting_an_old_version_keeps_the_current_findings(pipeline):
    old = pipeline.put("kept.txt", b"anna.schneider@example.com\n")["VersionId"]
    pipeline.put("kept.txt", b"lukas.weber@example.org\n")
    pipeline.deliver()
    pipeline.s3.delete_object(Bucket=pipeline.stack.bucket, Key="kept.txt", VersionId=old)
    pipeline.invoke(
        [
            notification(pipeline.stack.bucket, "kept.txt", old, "", "0F").replace(
                "ObjectCreated:Put", "ObjectRemoved:Delete"
            )
        ]
    )
    assert pipeline.summary("kept.txt")["status"] == "done"
    assert [f.get("object_deleted", False) for f in pipeline.findings("kept.txt")] == [False]


def test_keys_with_spaces_and_non_ascii_are_decoded(pipeline):
    key = "datasets/Kundenübersicht 2026 (final)+v2.txt"
    pipeline.put(key, b"Contact: anna.schneider@example.com\n")
    _, bodies = pipeline.deliver()
    assert "%" in json.loads(bodies[0])["Records"][0]["s3"]["object"]["key"] or "+" in bodies[0]
    assert pipeline.summary(key)["status"] == "done"
    assert [(f["record"], f["start"], f["end"]) for f in pipeline.findings(key)] == [(0, 9, 35)]


def test_bad_inputs_get_recorded_outcomes_and_the_batch_completes(pipeline):
    pipeline.put("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    pipeline.put("empty.csv", b"")
    pipeline.put("broken.csv", b"name,email\nAnna,anna@example.com\nLukas,lukas@example.org,extra,fields\n")
    pipeline.put("latin.txt", b"Gr\xfc\xdfe an anna@example.com\nplain line\n")
    pipeline.put("bomb.jsonl.gz", gzip.compress(b"\n" * (32 * 1024**2)))
    response, bodies = pipeline.deliver()
    assert response == {"batchItemFailures": []} and len(bodies) == 5

    outcomes = {
        k: (pipeline.summary(k)["status"], pipeline.summary(k)["outcome"])
        for k in ("logo.png", "empty.csv", "broken.csv", "latin.txt", "bomb.jsonl.gz")
    }
    assert outcomes == {
        "logo.png": ("unsupported", "binary"),
        "empty.csv": ("done", "empty"),
        "broken.csv": ("done", "scanned"),
        "latin.txt": ("done", "scanned"),
        "bomb.jsonl.gz": ("rejected", "decompression_bomb"),
    }
    assert pipeline.summary("logo.png")["reason"]
    assert pipeline.summary("broken.csv")["issues"] == {"malformed_row": 1}
    assert pipeline.summary("latin.txt")["issues"] == {"legacy_encoding": 1}  # a Windows-1252 file, re-encoded
    gaps = {k: [(f["rule_ids"], f["preview"]) for f in pipeline.findings(k)] for k in ("logo.png", "bomb.jsonl.gz")}
    assert gaps == {  # what could not be scanned is a finding of its own; a rejected object's partial findings are not
        "logo.png": [(["PRIVSCAN-COVERAGE-GAP"], "binary")],
        "bomb.jsonl.gz": [(["PRIVSCAN-COVERAGE-GAP"], "decompression_bomb")],
    }
    assert pipeline.findings("empty.csv") == []
    assert [f["entity_type"] for f in pipeline.findings("latin.txt")] == ["EMAIL_ADDRESS"]


def test_a_failing_record_is_reported_alone_and_the_rest_of_the_batch_completes(pipeline):
    pipeline.put("ok.txt", b"anna.schneider@example.com\n")
    _, bodies = pipeline.deliver()
    broken = notification("no-such-bucket", "x.txt", None, "abc", "01")
    response = pipeline.invoke([broken, bodies[0]])
    assert response == {"batchItemFailures": [{"itemIdentifier": "msg-0"}]}
    assert pipeline.summary("ok.txt")["status"] == "done"


def test_allow_list_in_the_results_bucket_suppresses_values_for_its_prefix(pipeline):
    results_bucket = pipeline.stack.outputs["ResultsBucketName"]
    allow = "allow:\n  - scope: {prefix: 'public/'}\n    values: ['support@example.com']\n"
    pipeline.s3.put_object(Bucket=results_bucket, Key="config/suppressions.yaml", Body=allow.encode())
    body = b"Write to support@example.com or anna.schneider@example.com\n"
    pipeline.put("public/contact.txt", body)
    pipeline.put("private/contact.txt", body)
    pipeline.deliver()
    assert [(f["start"], f["end"]) for f in pipeline.findings("public/contact.txt")] == [(32, 58)]
    assert [(f["start"], f["end"]) for f in pipeline.findings("private/contact.txt")] == [(9, 28), (32, 58)]


def test_objects_over_the_size_limit_are_rejected_without_being_read(pipeline, monkeypatch):
    from privscan import settings, wiring

    monkeypatch.setenv("MAX_OBJECT_BYTES", "100")
    settings.get_settings.cache_clear()
    wiring.get_service.cache_clear()
    big = b"anna.schneider@example.com\n" * 10
    version = pipeline.put("big.txt", big)["VersionId"]
    pipeline.receive()
    bucket = pipeline.stack.bucket
    by_event = json.loads(notification(bucket, "big.txt", version, "etag-1", "0A", size=len(big)))
    without_size = json.loads(notification(bucket, "big.txt", version, "etag-1", "0B"))
    del without_size["Records"][0]["s3"]["object"]["size"]  # then S3's ContentLength decides
    assert pipeline.invoke([json.dumps(by_event)]) == {"batchItemFailures": []}
    summary = pipeline.summary("big.txt")
    assert (summary["status"], summary["outcome"], summary["reason"]) == (
        "rejected",
        "too_large",
        "object is 270 bytes; the limit is 100",
    )
    pipeline.table.delete_item(Key={"pk": f"OBJ#{bucket}#big.txt", "sk": "SUMMARY"})
    assert pipeline.invoke([json.dumps(without_size)]) == {"batchItemFailures": []}
    assert pipeline.summary("big.txt")["outcome"] == "too_large"
    assert [(f["rule_ids"], f["preview"]) for f in pipeline.findings("big.txt")] == [
        (["PRIVSCAN-COVERAGE-GAP"], "too_large")
    ]


def test_archive_members_and_a_scanned_pdf_are_listed_with_their_findings(pipeline):
    from privscan.store.findings_store import finding_from_item

    from tests.unit.readers.containers import EMAIL, pdf, zip_of

    pipeline.put("exports/batch.zip", zip_of({"crm/a.csv": f"email\n{EMAIL}\n", "scan.pdf": pdf(image_only=True)}))
    pipeline.put("exports/scan.pdf", pdf(image_only=True))
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    assert pipeline.summary("exports/batch.zip")["status"] == "done"
    found = [finding_from_item(item) for item in pipeline.findings("exports/batch.zip")]
    assert [(f.object, f.record, f.field, f.entity_type, f.preview) for f in found] == [
        ("exports/batch.zip!crm/a.csv", 0, "email", "EMAIL_ADDRESS", "a***@e***.com"),
        ("exports/batch.zip!scan.pdf", None, None, None, "no_text_layer"),
    ]
    summary = pipeline.summary("exports/scan.pdf")
    assert (summary["status"], summary["outcome"]) == ("unsupported", "no_text_layer")
    assert [(f["rule_ids"], f["preview"]) for f in pipeline.findings("exports/scan.pdf")] == [
        (["PRIVSCAN-COVERAGE-GAP"], "no_text_layer")
    ]


def test_a_delete_marker_delivered_before_its_create_leaves_the_object_deleted(pipeline):
    version = pipeline.put("early.txt", b"anna.schneider@example.com\n")
    pipeline.receive()
    bucket = pipeline.stack.bucket
    marker = json.loads(notification(bucket, "early.txt", "marker-version-1", "", "0F"))
    record = marker["Records"][0]
    record["eventName"] = "ObjectRemoved:DeleteMarkerCreated"
    del record["s3"]["object"]["eTag"], record["s3"]["object"]["size"]
    assert pipeline.invoke([json.dumps(marker)]) == {"batchItemFailures": []}
    create = notification(bucket, "early.txt", version["VersionId"], version["ETag"].strip('"'), "0E")
    assert pipeline.invoke([create, create]) == {"batchItemFailures": []}
    summary = pipeline.summary("early.txt")
    assert (summary["status"], summary["version"]) == ("deleted", "marker-version-1")
    assert pipeline.findings("early.txt") == []
    statuses = {i["sk"]: i["status"] for i in pipeline.items() if i["sk"].startswith("STATUS#")}
    assert statuses == {f"STATUS#{version['VersionId']}": "superseded", "STATUS#marker-version-1": "deleted"}


def test_a_suppression_applies_to_the_next_object_scanned(pipeline):
    """The allow list is checked by its ETag before every object: no wait for a cache to expire."""
    results_bucket = pipeline.stack.outputs["ResultsBucketName"]
    body = b"Write to support@example.com or anna.schneider@example.com\n"
    pipeline.put("a/contact.txt", body)
    pipeline.deliver()
    assert [(f["start"], f["end"]) for f in pipeline.findings("a/contact.txt")] == [(9, 28), (32, 58)]
    allow = "allow:\n  - values: ['support@example.com']\n"
    pipeline.s3.put_object(Bucket=results_bucket, Key="config/suppressions.yaml", Body=allow.encode())
    pipeline.put("b/contact.txt", body)
    pipeline.deliver()
    assert [(f["start"], f["end"]) for f in pipeline.findings("b/contact.txt")] == [(32, 58)]
    pipeline.s3.delete_object(Bucket=results_bucket, Key="config/suppressions.yaml")
    pipeline.put("c/contact.txt", body)
    pipeline.deliver()
    assert [(f["start"], f["end"]) for f in pipeline.findings("c/contact.txt")] == [(9, 28), (32, 58)]


def test_an_unchanged_allow_list_is_not_parsed_again(pipeline, monkeypatch):
    from privscan.engine.suppress import Suppressions

    results_bucket = pipeline.stack.outputs["ResultsBucketName"]
    allow = "allow:\n  - values: ['support@example.com']\n"
    pipeline.s3.put_object(Bucket=results_bucket, Key="config/suppressions.yaml", Body=allow.encode())
    pipeline.put("a/contact.txt", b"support@example.com\n")
    pipeline.deliver()
    parsed = []
    monkeypatch.setattr(Suppressions, "from_yaml", classmethod(lambda cls, text: parsed.append(text) or cls()))
    pipeline.put("b/contact.txt", b"support@example.com\n")
    pipeline.deliver()
    assert parsed == []  # S3 answered 304 Not Modified: the list already parsed applies
    assert pipeline.findings("a/contact.txt") == pipeline.findings("b/contact.txt") == []


def test_a_sharegpt_upload_gets_the_conversation_rules_and_their_rates_in_its_summary(pipeline):
    turns = [
        ("gpt-4", "Of course, here is a recipe for pancakes."),
        ("gpt-4", "As an AI language model I can suggest a recipe for pancakes."),
        ("llama-3", "I am not a bot, I promise. Here is a recipe for pancakes."),
    ]
    body = "".join(
        json.dumps(
            {"model": model, "conversations": [{"from": "human", "value": "A recipe?"}, {"from": "gpt", "value": a}]}
        )
        + "\n"
        for model, a in turns
    )
    pipeline.put("chats/sharegpt.jsonl.gz", gzip.compress(body.encode()))
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    found = sorted((f["record"], f["field"], f["rule_ids"][0]) for f in pipeline.findings("chats/sharegpt.jsonl.gz"))
    assert [f for f in found if f[2].startswith("AIACT")] == [
        (0, "conversations", "AIACT-ART50-1-NO-AI-DISCLOSURE"),
        (2, "conversations", "AIACT-ART50-1-NO-AI-DISCLOSURE"),
        (2, "conversations[1].value", "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN"),
    ]
    summary = from_item(pipeline.summary("chats/sharegpt.jsonl.gz"))  # as the API gives it: numbers, not Decimals
    assert summary["format"] == "chat"
    assert summary["conversation_rules"] == {
        "conversations": 3,
        "rules": {
            "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN": {"findings": 1, "conversations": 1, "per_1000": 333.3},
            "AIACT-ART50-1-NO-AI-DISCLOSURE": {"findings": 2, "conversations": 2, "per_1000": 666.7},
            **NONE_FOUND,
        },
        "models": [
            {
                "model": "gpt-4",
                "conversations": 2,
                "rules": {
                    "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN": {"conversations": 0, "per_1000": 0.0},
                    "AIACT-ART50-1-NO-AI-DISCLOSURE": {"conversations": 1, "per_1000": 500.0},
                    **NONE_FLAGGED,
                },
            },
            {
                "model": "llama-3",
                "conversations": 1,
                "rules": {
                    "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN": {"conversations": 1, "per_1000": 1000.0},
                    "AIACT-ART50-1-NO-AI-DISCLOSURE": {"conversations": 1, "per_1000": 1000.0},
                    **NONE_FLAGGED,
                },
            },
        ],
        "models_total": 2,
    }
