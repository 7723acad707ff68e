"""A small synthetic dataset in the findings table, in the shapes the scan and the review API write.

Invented values only. Objects under `datasets/crm/`: a CSV and a chat file (scanned), an image
(unsupported), a gzip bomb (rejected), a removed CSV; and one near-miss prefix outside the dataset.
"""

from __future__ import annotations

from unittest import mock

import boto3
from moto import mock_aws
from privscan.ingest.events import ObjectRef
from privscan.model import Finding, ScanStatus
from privscan.pipeline import ScanReport, rejected
from privscan.store import findings_store
from privscan.store.findings_store import FindingsStore, object_pk
from privscan_tools.local.template import load_template
from privscan_tools.reports import gather, governance_record

from tests.conftest import REPO_ROOT

BUCKET = "uploads"
PREFIX = "datasets/crm/"
CSV_KEY = "datasets/crm/customers.csv"
CHAT_KEY = "datasets/crm/<script>alert(1)</script>.jsonl"
HOSTILE_FIELD = "<img src=x onerror=alert(1)>"
REVIEWER_1 = "arn:aws:sts::123456789012:assumed-role/PrivacyOfficer/reviewer-1"
REVIEWER_2 = "arn:aws:sts::123456789012:assumed-role/PrivacyOfficer/reviewer-2"
SCANNED_AT = "2026-03-01T08:00:00+00:00"
GENERATED_AT = "2026-03-04T12:00:00+00:00"


def findings_table():
    """The findings table as template.yaml declares it (call inside mock_aws)."""
    spec = load_template(REPO_ROOT / "template.yaml")["Resources"]["FindingsTable"]["Properties"]
    dynamodb = boto3.resource("dynamodb", region_name="eu-central-1")
    return dynamodb.create_table(
        TableName="findings",
        BillingMode="PAY_PER_REQUEST",
        KeySchema=spec["KeySchema"],
        AttributeDefinitions=spec["AttributeDefinitions"],
        GlobalSecondaryIndexes=spec["GlobalSecondaryIndexes"],
    )


def audit_table():
    """The audit table as template.yaml declares it (call inside mock_aws)."""
    spec = load_template(REPO_ROOT / "template.yaml")["Resources"]["AuditTable"]["Properties"]
    dynamodb = boto3.resource("dynamodb", region_name="eu-central-1")
    return dynamodb.create_table(
        TableName="audit",
        BillingMode="PAY_PER_REQUEST",
        KeySchema=spec["KeySchema"],
        AttributeDefinitions=spec["AttributeDefinitions"],
    )


def _finding(key, record, field, entity, severity, rule, preview, count=None) -> Finding:
    return Finding(
        object=key,
        record=record,
        field=field,
        start=None,
        end=None,
        entity_type=entity,
        score=1.0,
        severity=severity,
        preview=preview,
        fingerprint="f" * 16 if entity else None,
        rule_ids=[rule],
        count=count,
    )


CSV_FINDINGS = [
    _finding(CSV_KEY, None, "email", "EMAIL_ADDRESS", "medium", "GDPR-ART5-1-C-DIRECT-IDENTIFIERS", "a***@e***.com", 3),
    _finding(CSV_KEY, 0, "notes", "HEALTH_DATA", "critical", "GDPR-ART9-HEALTH", "u*** c***"),
    _finding(CSV_KEY, 1, "consent", None, "high", "GDPR-ART7-CONSENT-MISSING", "no"),
    _finding(CSV_KEY, 2, "consent", None, "high", "GDPR-ART7-CONSENT-MISSING", "(empty)"),
    _finding(CSV_KEY, 2, "tax_id", "DE_TAX_ID", "high", "GDPR-ART87-NATIONAL-ID", "8*********0"),
]
CHAT_FINDINGS = [
    _finding(
        CHAT_KEY, 0, "messages[1].content", "ERASURE_REQUEST", "high", "GDPR-ART17-ERASURE-REQUEST", "d*** m* d***"
    ),
    _finding(CHAT_KEY, 0, "messages", None, "high", "AIACT-ART50-1-NO-AI-DISCLOSURE", ""),
    _finding(CHAT_KEY, 1, HOSTILE_FIELD, "PERSON", "medium", "GDPR-ART5-1-C-PERSON-NAMES-IN-FREE-TEXT", "A*** S***"),
]


def _scanned(store: FindingsStore, key: str, fmt: str, records: int, findings: list[Finding], **extra) -> None:
    ref = ObjectRef(BUCKET, key, version_id="v1", etag="e1", sequencer="01")
    report = ScanReport(object=key, format=fmt, records=records, bytes_read=100 * records)
    for finding in findings:
        report.count(finding)
    store.replace_findings(ref, findings)
    store.put_summary(
        ref, {**{k: v for k, v in report.summary().items() if k != "object"}, "truncated": False, **extra}
    )


def _not_scanned(store: FindingsStore, key: str, report: ScanReport) -> None:
    store.put_summary(
        ObjectRef(BUCKET, key, version_id="v1"), {k: v for k, v in report.summary().items() if k != "object"}
    )


def review(
    store: FindingsStore, key: str, record, field: str, to_status: str, actor: str, at: str, note: str, suppression=None
) -> None:
    """What the review API writes: the finding's review fields and one audit item."""
    item = next(f for f in store.findings_of(BUCKET, key) if f.get("record") == record and f.get("field") == field)
    store.table.update_item(
        Key={"pk": item["pk"], "sk": item["sk"]},
        UpdateExpression=(
            "SET review_status = :s, reviewed_by = :a, reviewed_at = :t, review_note = :n REMOVE gsi2pk, gsi2sk"
        ),
        ExpressionAttributeValues={":s": to_status, ":a": actor, ":t": at, ":n": note},
    )
    audit = {
        "pk": object_pk(BUCKET, key),
        "sk": f"AUDIT#{item['finding_id']}#{at}",
        "finding_id": item["finding_id"],
        "bucket": BUCKET,
        "key": key,
        "at": at,
        "actor": actor,
        "from_status": "open",
        "to_status": to_status,
        "note": note,
    }
    if suppression:
        audit["suppression"] = suppression
    store.audit_table.put_item(Item=audit)


def populate(store: FindingsStore) -> None:
    _scanned(store, CSV_KEY, "csv", 3, CSV_FINDINGS)
    _scanned(store, CHAT_KEY, "chat", 2, CHAT_FINDINGS, truncated=True, issues={"malformed_line": 1})
    _not_scanned(
        store,
        "datasets/crm/logo.png",
        rejected("datasets/crm/logo.png", "binary", "binary content", ScanStatus.UNSUPPORTED),
    )
    _not_scanned(
        store,
        "datasets/crm/huge.csv.gz",
        rejected("datasets/crm/huge.csv.gz", "decompression_bomb", "expands more than 100x"),
    )
    removed = [
        _finding(
            "datasets/crm/old.csv",
            None,
            "email",
            "EMAIL_ADDRESS",
            "medium",
            "GDPR-ART5-1-C-DIRECT-IDENTIFIERS",
            "b***@e***.org",
            10,
        )
    ]
    _scanned(store, "datasets/crm/old.csv", "csv", 10, removed)
    store.remove(ObjectRef(BUCKET, "datasets/crm/old.csv", version_id="marker-1", sequencer="02"))
    near_miss = [
        _finding(
            "datasets/crm-archive/x.csv",
            0,
            "notes",
            "PERSON",
            "medium",
            "GDPR-ART5-1-C-PERSON-NAMES-IN-FREE-TEXT",
            "J*** D**",
        )
    ]
    _scanned(store, "datasets/crm-archive/x.csv", "csv", 1, near_miss)

    review(store, CSV_KEY, 0, "notes", "confirmed", REVIEWER_1, "2026-03-02T10:00:00+00:00", "Remove before training")
    review(
        store,
        CSV_KEY,
        None,
        "email",
        "false_positive",
        REVIEWER_2,
        "2026-03-01T09:30:00+00:00",
        "<b>test</b> addresses | reserved domain",
        suppression={"field": "email", "entity_type": "EMAIL_ADDRESS"},
    )
    review(store, CHAT_KEY, 0, "messages", "remediated", REVIEWER_1, "2026-03-03T08:00:00+00:00", "Disclosure added")


def dataset_record() -> dict:
    """The governance record of this dataset, gathered from a moto table made for the call."""
    with mock_aws(), mock.patch.object(findings_store, "now_iso", lambda: SCANNED_AT):
        store = FindingsStore(findings_table(), audit_table())
        populate(store)
        return governance_record(gather(store, BUCKET, PREFIX, generated_at=GENERATED_AT))
