"""Publishing findings to Security Hub (ASFF) and EventBridge, on moto: batched as each API allows, masked
previews and fingerprints only, a review change published as an update. Security Hub's BatchImportFindings and
GetFindings are moto's; a refused import is answered by botocore's Stubber (moto accepts any finding with a
resource)."""

import json

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws
from privscan.store.event_bus import NEW_FINDING, REVIEW_CHANGE, SOURCE, EventBridgePublisher
from privscan.store.publish import Publishers, PublishFailed
from privscan.store.security_hub import SecurityHubPublisher, asff, product_parts

REGION, ACCOUNT = "eu-central-1", "123456789012"
PRODUCT = f"arn:aws:securityhub:{REGION}:{ACCOUNT}:product/{ACCOUNT}/default"
RAW = "anna.roe@example.com"


def item(n: int, **extra) -> dict:
    """A finding as the findings store writes it (plain values)."""
    return {
        "finding_id": f"{n:024x}",
        "bucket": "uploads",
        "key": "crm/customers.csv",
        "version": "v1",
        "record": n,
        "field": "email",
        "start": 0,
        "end": len(RAW),
        "entity_type": "EMAIL_ADDRESS",
        "score": 1.0,
        "severity": "medium",
        "rule_ids": ["GDPR-ART5-1-C"],
        "preview": "a***@e***.com",
        "fingerprint": f"k1:{n:032x}",
        "review_status": "open",
        "occurrences": [],
        **extra,
    }


class Counting:
    """A client that counts its calls and the entries of each."""

    def __init__(self, client, method: str, field: str):
        self.client, self.method, self.field, self.sizes = client, method, field, []

    def __getattr__(self, name):
        call = getattr(self.client, name)
        if name != self.method:
            return call

        def counted(**kwargs):
            self.sizes.append(len(kwargs[self.field]))
            return call(**kwargs)

        return counted


def test_an_asff_finding_carries_the_masked_preview_and_fingerprint_never_the_value():
    record = asff(item(7, member=None), PRODUCT, "2026-12-07T10:00:00.000Z")
    assert record["Id"] == f"privscan/{7:024x}" and record["ProductArn"] == PRODUCT
    assert record["AwsAccountId"] == ACCOUNT and record["SchemaVersion"] == "2018-10-08"
    assert record["Types"] == ["Sensitive Data Identifications/PII"]
    assert record["Severity"] == {"Label": "MEDIUM"} and record["RecordState"] == "ACTIVE"
    assert record["Resources"] == [
        {"Type": "AwsS3Object", "Id": "arn:aws:s3:::uploads/crm/customers.csv", "Partition": "aws", "Region": REGION}
    ]
    assert record["Title"] == "EMAIL_ADDRESS in s3://uploads/crm/customers.csv"
    assert record["Description"] == (
        "privscan found EMAIL_ADDRESS in s3://uploads/crm/customers.csv at record 7, field email: masked preview "
        "a***@e***.com. Rules: GDPR-ART5-1-C."
    )
    assert record["ProductFields"]["privscan/fingerprint"] == f"k1:{7:032x}"
    assert RAW not in json.dumps(record)
    assert asff(item(1, entity_type="IBAN_CODE"), PRODUCT, "t")["Types"] == ["Sensitive Data Identifications/Financial"]
    rule = asff(item(1, entity_type=None, fingerprint=None, count=3, distinct=2), PRODUCT, "t")
    assert (
        rule["Types"] == ["Sensitive Data Identifications/Legal"]
        and "privscan/fingerprint" not in rule["ProductFields"]
    )
    assert "3 values (2 distinct)" in rule["Description"]


def test_a_product_arn_is_checked_when_the_publisher_is_made():
    assert product_parts(PRODUCT) == ("aws", REGION, ACCOUNT)
    with pytest.raises(ValueError, match="not a Security Hub product ARN"):
        SecurityHubPublisher(None, f"arn:aws:sqs:{REGION}:{ACCOUNT}:queue")


@mock_aws
def test_findings_are_imported_in_batches_of_100_and_a_review_archives_them():
    hub = boto3.client("securityhub", region_name=REGION)
    hub.enable_security_hub()
    counting = Counting(hub, "batch_import_findings", "Findings")
    publisher = SecurityHubPublisher(counting, PRODUCT)
    publisher.findings_recorded([item(n) for n in range(230)])
    assert counting.sizes == [100, 100, 30]
    stored = [f for page in hub.get_paginator("get_findings").paginate() for f in page["Findings"]]
    assert len(stored) == 230 and {f["RecordState"] for f in stored} == {"ACTIVE"}

    publisher.review_changed({**item(5), "review_status": "false_positive"}, "open", "false_positive", "t")
    reviewed = next(f for f in hub.get_findings(MaxResults=100)["Findings"] if f["Id"] == f"privscan/{5:024x}")
    assert (
        reviewed["RecordState"] == "ARCHIVED"
        and reviewed["ProductFields"]["privscan/review_status"] == "false_positive"
    )
    publisher.review_changed({**item(5), "review_status": "open"}, "false_positive", "open", "t")
    reopened = next(f for f in hub.get_findings(MaxResults=100)["Findings"] if f["Id"] == f"privscan/{5:024x}")
    assert reopened["RecordState"] == "ACTIVE"


def test_findings_security_hub_refuses_fail_the_publishing_without_naming_a_value():
    hub = boto3.client("securityhub", region_name=REGION)
    with Stubber(hub) as stub:
        failed = [{"Id": f"privscan/{1:024x}", "ErrorCode": "InvalidInput", "ErrorMessage": "bad"}]
        stub.add_response("batch_import_findings", {"FailedCount": 1, "SuccessCount": 1, "FailedFindings": failed})
        with pytest.raises(PublishFailed, match="^Security Hub refused 1 of 2 findings$"):
            SecurityHubPublisher(hub, PRODUCT).findings_recorded([item(0), item(1)])


@mock_aws
def test_events_are_put_in_batches_of_10_with_the_public_fields_only():
    events, sqs = boto3.client("events", region_name=REGION), boto3.client("sqs", region_name=REGION)
    queue = sqs.create_queue(QueueName="findings")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    events.put_rule(Name="privscan", EventPattern=json.dumps({"source": [SOURCE]}))
    events.put_targets(Rule="privscan", Targets=[{"Id": "q", "Arn": arn}])
    counting = Counting(events, "put_events", "Entries")
    publisher = EventBridgePublisher(counting, "default")
    publisher.findings_recorded([item(n, occurrences=[{"preview": "x"}]) for n in range(23)])
    publisher.review_changed({**item(3), "review_status": "confirmed"}, "open", "confirmed", "2026-12-07T10:00:00Z")
    assert counting.sizes == [10, 10, 3, 1]
    received = []
    while batch := sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", []):
        received += [json.loads(m["Body"]) for m in batch]
        for m in batch:
            sqs.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
    assert [e["detail-type"] for e in received].count(NEW_FINDING) == 23
    (review,) = [e["detail"] for e in received if e["detail-type"] == REVIEW_CHANGE]
    assert (review["finding_id"], review["from_status"], review["review_status"]) == (f"{3:024x}", "open", "confirmed")
    first = next(e["detail"] for e in received if e["detail-type"] == NEW_FINDING and e["detail"]["record"] == 0)
    assert first["preview"] == "a***@e***.com" and first["fingerprint"] == f"k1:{0:032x}"
    assert "occurrences" not in first and RAW not in json.dumps(received)


def test_refused_events_fail_the_publishing():
    events = boto3.client("events", region_name=REGION)
    with Stubber(events) as stub:
        stub.add_response(
            "put_events", {"FailedEntryCount": 2, "Entries": [{"ErrorCode": "x"}] * 2 + [{"EventId": "1"}]}
        )
        with pytest.raises(PublishFailed, match="^EventBridge refused 2 of 3 events$"):
            EventBridgePublisher(events, "default").findings_recorded([item(0), item(1), item(2)])


def test_publishers_fan_out_and_none_is_false():
    calls = []

    class Recorder:
        def __init__(self, name):
            self.name = name

        def findings_recorded(self, items):
            calls.append((self.name, len(items)))

        def review_changed(self, item, from_status, to_status, at):
            calls.append((self.name, to_status))

    assert not Publishers()
    both = Publishers([Recorder("hub"), Recorder("bus")])
    both.findings_recorded([item(0)])
    both.findings_recorded([])  # nothing to publish: no call
    both.review_changed(item(0), "open", "remediated", "t")
    assert calls == [("hub", 1), ("bus", 1), ("hub", "remediated"), ("bus", "remediated")]
