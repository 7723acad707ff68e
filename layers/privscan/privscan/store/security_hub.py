"""Findings as AWS Security Finding Format (ASFF) records, imported into Security Hub.

Each finding becomes one ASFF finding under the account's default product (`product/<account>/default`):
its id is privscan's finding id, its resource the S3 object (the key as the findings store renders it, a
segment holding personal data masked), its description the masked preview, the fingerprint and the rules.
A review status change imports the finding again: a closed review (false positive, accepted risk,
remediated) archives it (RecordState ARCHIVED), a reopened one makes it active again; the status itself is
in ProductFields. BatchImportFindings takes at most 100 findings a call.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from privscan.store.publish import PublishFailed, batches
from privscan.vocabulary import ReviewStatus

MAX_IMPORT = 100  # findings per BatchImportFindings call
SCHEMA_VERSION = "2018-10-08"
FINANCIAL = frozenset({"IBAN_CODE", "CREDIT_CARD", "US_BANK_NUMBER", "EU_VAT_NUMBER"})
CLOSED = frozenset({ReviewStatus.FALSE_POSITIVE, ReviewStatus.ACCEPTED_RISK, ReviewStatus.REMEDIATED})
MAX_TITLE, MAX_DESCRIPTION = 256, 1024


def product_parts(product_arn: str) -> tuple[str, str, str]:
    """(partition, region, account) of a product ARN ``arn:aws:securityhub:eu-central-1:123…:product/…``."""
    parts = product_arn.split(":")
    if len(parts) < 6 or parts[2] != "securityhub" or not parts[5].startswith("product/"):
        raise ValueError("not a Security Hub product ARN")
    return parts[1], parts[3], parts[4]


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def finding_type(entity_type: str | None) -> str:
    """The ASFF type: personal data (PII), financial identifiers, or a rule of law (Legal) without a value."""
    if entity_type is None:
        return "Sensitive Data Identifications/Legal"
    return "Sensitive Data Identifications/" + ("Financial" if entity_type in FINANCIAL else "PII")


def asff(item: dict, product_arn: str, at: str) -> dict[str, Any]:
    """The ASFF record of a stored finding (`item`: the findings store's fields, plain values)."""
    partition, region, account = product_parts(product_arn)
    what = item.get("entity_type") or ", ".join(item.get("rule_ids") or []) or "rule"
    where = f"s3://{item['bucket']}/{item['key']}"
    place = ", ".join(
        f"{name} {item[name]}" for name in ("record", "field", "member") if item.get(name) not in (None, "")
    )
    count = f"{item['count']} values ({item.get('distinct', 0)} distinct), " if item.get("count") else ""
    description = (
        f"privscan found {what} in {where}{' at ' + place if place else ''}: {count}masked preview "
        f"{item.get('preview') or '(none)'}. Rules: {', '.join(item.get('rule_ids') or []) or 'none'}."
    )
    status = item.get("review_status", ReviewStatus.OPEN)
    fields = {
        "privscan/finding_id": item["finding_id"],
        "privscan/version": str(item.get("version", "")),
        "privscan/review_status": str(status),
        "privscan/preview": item.get("preview") or "",
    }
    if item.get("fingerprint"):
        fields["privscan/fingerprint"] = item["fingerprint"]
    if item.get("rule_ids"):
        fields["privscan/rule_ids"] = ",".join(item["rule_ids"])
    return {
        "SchemaVersion": SCHEMA_VERSION,
        "Id": f"privscan/{item['finding_id']}",
        "ProductArn": product_arn,
        "GeneratorId": f"privscan/{item.get('entity_type') or (item.get('rule_ids') or ['rule'])[0]}",
        "AwsAccountId": account,
        "Types": [finding_type(item.get("entity_type"))],
        "CreatedAt": item.get("created_at") or at,
        "UpdatedAt": at,
        "Severity": {"Label": str(item.get("severity", "medium")).upper()},
        "Title": f"{what} in {where}"[:MAX_TITLE],
        "Description": description[:MAX_DESCRIPTION],
        "ProductFields": fields,
        "Resources": [
            {
                "Type": "AwsS3Object",
                "Id": f"arn:{partition}:s3:::{item['bucket']}/{item['key']}",
                "Partition": partition,
                "Region": region,
            }
        ],
        "RecordState": "ARCHIVED" if status in CLOSED else "ACTIVE",
    }


class SecurityHubPublisher:
    """Imports findings into Security Hub on the given client (boto3 `securityhub`)."""

    def __init__(self, client: Any, product_arn: str):
        product_parts(product_arn)  # a wrong ARN fails when the function starts, not on its first finding
        self.client = client
        self.product_arn = product_arn

    def _import(self, records: Sequence[dict]) -> None:
        failed = 0
        for batch in batches(records, MAX_IMPORT):
            response = self.client.batch_import_findings(Findings=list(batch))
            failed += response.get("FailedCount", 0)
        if failed:
            raise PublishFailed(f"Security Hub refused {failed} of {len(records)} findings")

    def findings_recorded(self, items: Sequence[dict]) -> None:
        at = now_iso()
        self._import([asff(item, self.product_arn, at) for item in items])

    def review_changed(self, item: dict, from_status: str, to_status: str, at: str) -> None:
        self._import([asff({**item, "review_status": to_status}, self.product_arn, now_iso())])
