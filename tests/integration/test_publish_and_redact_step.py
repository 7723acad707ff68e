"""The stack deployed with PublishFindings=both and RedactAfterScan=true, on moto: a scanned upload's findings
reach Security Hub and EventBridge, a review change follows them, and the object's de-identified copy and
its manifest are in the redacted bucket. With the defaults, none of that happens."""

from __future__ import annotations

import csv
import io
import json

import boto3
import pytest
from moto import mock_aws
from privscan_tools.local.stack import deploy_stack
from privscan_tools.local.worker import load_handler

from tests.conftest import REPO_ROOT
from tests.integration.conftest import Pipeline, _clear_process_caches

CUSTOMERS = (
    "name;email;iban\n"
    "Anna Schneider;anna.schneider@example.com;DE89370400440532013000\n"
    "Lukas Weber;lukas.weber@example.org;DE02120300000000202051\n"
)
RAW = ("anna.schneider@example.com", "lukas.weber@example.org", "DE89370400440532013000", "Anna Schneider")


@pytest.fixture
def configured(monkeypatch, lambda_context, scanner):
    with mock_aws():
        parameters = {"PublishFindings": "both", "RedactAfterScan": "true", "RedactOperators": "EMAIL_ADDRESS=hash"}
        stack = deploy_stack(None, REPO_ROOT / "template.yaml", parameters=parameters)
        for name, value in stack.function_env.items():
            monkeypatch.setenv(name, value)
        _clear_process_caches()
        hub = boto3.client("securityhub")
        hub.enable_security_hub()
        sqs, events = boto3.client("sqs"), boto3.client("events")
        queue = sqs.create_queue(QueueName="finding-events")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        events.put_rule(Name="privscan-findings", EventPattern=json.dumps({"source": ["privscan"]}))
        events.put_targets(Rule="privscan-findings", Targets=[{"Id": "queue", "Arn": arn}])
        pipeline = Pipeline(stack, load_handler(REPO_ROOT), lambda_context)
        pipeline.receive()
        yield pipeline, hub, queue
        _clear_process_caches()


def drain(sqs, queue: str) -> list[dict]:
    received = []
    while batch := sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", []):
        received += [json.loads(m["Body"]) for m in batch]
        for m in batch:
            sqs.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
    return received


def test_findings_are_published_and_the_copy_written_when_the_parameters_say_so(configured):
    pipeline, hub, queue = configured
    env = pipeline.stack.function_env
    assert (
        env["SECURITY_HUB_PRODUCT_ARN"] == "arn:aws:securityhub:eu-central-1:123456789012:product/123456789012/default"
    )
    assert (env["FINDINGS_EVENT_BUS"], env["REDACT_AFTER_SCAN"]) == ("default", "true")
    redacted_bucket = pipeline.stack.outputs["RedactedBucketName"]
    assert env["REDACTED_BUCKET"] == redacted_bucket

    pipeline.put("crm/customers.csv", CUSTOMERS.encode())
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    findings = pipeline.findings("crm/customers.csv")
    assert {f["entity_type"] for f in findings} >= {"EMAIL_ADDRESS", "IBAN_CODE", "PERSON"}

    imported = hub.get_findings(MaxResults=100)["Findings"]
    assert sorted(f["Id"] for f in imported) == sorted(f"privscan/{f['finding_id']}" for f in findings)
    events = drain(boto3.client("sqs"), queue)
    assert sorted(e["detail"]["finding_id"] for e in events) == sorted(f["finding_id"] for f in findings)
    for raw in RAW:
        assert raw not in json.dumps(imported) and raw not in json.dumps(events)

    s3 = boto3.client("s3")
    copy = s3.get_object(Bucket=redacted_bucket, Key="data/crm/customers.csv")["Body"].read().decode()
    rows = list(csv.reader(io.StringIO(copy), delimiter=";"))
    assert rows[0] == ["name", "email", "iban"] and len(rows) == 3
    assert all(r[1].startswith("<email_address:") and r[2] == "*" * 22 and set(r[0]) <= {"*", " "} for r in rows[1:])
    manifest = json.loads(s3.get_object(Bucket=redacted_bucket, Key="manifests/crm/customers.csv.json")["Body"].read())
    (entry,) = manifest["objects"]
    assert (entry["status"], entry["records"], entry["records_written"]) == ("redacted", 2, 2)
    assert entry["by_entity"] == {"EMAIL_ADDRESS": 2, "IBAN_CODE": 2, "PERSON": 2}
    assert manifest["operators"] == {"default": "mask", "EMAIL_ADDRESS": "hash"}
    for raw in RAW:
        assert raw not in copy and raw not in json.dumps(manifest)

    # a review change follows the finding into Security Hub and onto the bus
    from privscan import settings, wiring

    store = wiring.get_service(settings.get_settings()).store
    email = next(f for f in findings if f["entity_type"] == "EMAIL_ADDRESS")
    audit = {"actor": "arn:aws:iam::123456789012:user/officer", "at": "2026-12-07T10:00:00Z", "note": ""}
    store.audit_table = boto3.resource("dynamodb").Table(pipeline.stack.audit_table)
    store.review(store.get_finding(email["finding_id"]), "false_positive", audit)
    archived = next(f for f in hub.get_findings(MaxResults=100)["Findings"] if f["Id"].endswith(email["finding_id"]))
    assert archived["RecordState"] == "ARCHIVED"
    (review,) = drain(boto3.client("sqs"), queue)
    assert (review["detail-type"], review["detail"]["review_status"]) == ("Privscan Finding Review", "false_positive")


def test_nothing_is_published_or_copied_by_default(pipeline):
    env = pipeline.stack.function_env
    assert (env["SECURITY_HUB_PRODUCT_ARN"], env["FINDINGS_EVENT_BUS"], env["REDACTED_BUCKET"]) == ("", "", "")
    assert env["REDACT_AFTER_SCAN"] == "false" and "RedactedBucketName" not in pipeline.stack.outputs
    from privscan import settings, wiring

    service = wiring.get_service(settings.get_settings())
    assert service.redaction is None and not service.store.publisher
