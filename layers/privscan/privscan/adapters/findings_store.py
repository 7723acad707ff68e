"""The findings table: one DynamoDB table shaped for what privacy officers read.

Items of one object share a partition (``pk = OBJ#<bucket>#<key>``):

==============================  ===================================================
``sk``                          item
==============================  ===================================================
``SUMMARY``                     latest state of the object: version, status, counts;
                                in GSI ``ByDataset`` (``gsi1pk = BUCKET#<bucket>``,
                                ``gsi1sk = <key>``) so a dataset prefix is one query
``STATUS#<version>``            scan status of one object version
``FINDING#<version>#<seq>``     one finding; open ones are in GSI ``OpenBySeverity``
                                (``gsi2pk = OPEN#<bucket>#<severity>``)
==============================  ===================================================

Every key is derived from the object version and the finding's position in the
scan, so a repeated delivery rewrites the same items instead of adding new ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from boto3.dynamodb.conditions import Key

from privscan.adapters.dynamo import from_item, to_item
from privscan.events import ObjectRef
from privscan.model import Finding, ScanStatus

SUMMARY = "SUMMARY"
BY_DATASET = "ByDataset"
OPEN_BY_SEVERITY = "OpenBySeverity"
OPEN = "open"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def object_pk(bucket: str, key: str) -> str:
    return f"OBJ#{bucket}#{key}"


def finding_sk(version_token: str, seq: int) -> str:
    return f"FINDING#{version_token}#{seq:09d}"


def finding_id(bucket: str, key: str, version_token: str, seq: int) -> str:
    digest = hashlib.sha256(f"{bucket}\x1f{key}\x1f{version_token}\x1f{seq}".encode()).hexdigest()
    return digest[:24]


class FindingsStore:
    def __init__(self, table):
        """`table` is a boto3 DynamoDB Table resource."""
        self.table = table

    # -- summaries and statuses -------------------------------------------------------------
    def get_summary(self, bucket: str, key: str) -> dict | None:
        item = self.table.get_item(Key={"pk": object_pk(bucket, key), "sk": SUMMARY}).get("Item")
        return from_item(item) if item else None

    def set_status(self, ref: ObjectRef, status: ScanStatus, reason: str | None = None) -> None:
        self.table.put_item(
            Item=to_item(
                {
                    "pk": object_pk(ref.bucket, ref.key),
                    "sk": f"STATUS#{ref.version_token}",
                    "bucket": ref.bucket,
                    "key": ref.key,
                    "version": ref.version_token,
                    "status": str(status),
                    "reason": reason,
                    "updated_at": now_iso(),
                }
            )
        )

    def put_summary(self, ref: ObjectRef, summary: dict[str, Any]) -> None:
        item = {
            **summary,
            "pk": object_pk(ref.bucket, ref.key),
            "sk": SUMMARY,
            "gsi1pk": f"BUCKET#{ref.bucket}",
            "gsi1sk": ref.key,
            "bucket": ref.bucket,
            "key": ref.key,
            "version": ref.version_token,
            "version_id": ref.version_id,
            "etag": ref.etag,
            "sequencer": ref.sequencer,
            "updated_at": now_iso(),
        }
        self.table.put_item(Item=to_item(item))

    def list_summaries(self, bucket: str, prefix: str = "") -> Iterator[dict]:
        condition = Key("gsi1pk").eq(f"BUCKET#{bucket}")
        if prefix:
            condition &= Key("gsi1sk").begins_with(prefix)
        yield from self._query(IndexName=BY_DATASET, KeyConditionExpression=condition)

    # -- findings ---------------------------------------------------------------------------
    def replace_findings(self, ref: ObjectRef, findings: Iterable[Finding]) -> int:
        """Write this version's findings, then remove any other version's. Returns the number written."""
        written = 0
        with self.table.batch_writer(overwrite_by_pkeys=["pk", "sk"]) as batch:  # chunks of 25, retries unprocessed
            for seq, finding in enumerate(findings):
                batch.put_item(Item=self._finding_item(ref, seq, finding))
                written += 1
        self._delete_findings(ref, keep_version=ref.version_token)
        return written

    def mark_deleted(self, bucket: str, key: str) -> int:
        """The object was removed: its findings stay for the audit trail, flagged and out of the open index."""
        marked = 0
        for item in self._query(KeyConditionExpression=Key("pk").eq(object_pk(bucket, key)) & Key("sk").begins_with("FINDING#")):
            self.table.update_item(
                Key={"pk": item["pk"], "sk": item["sk"]},
                UpdateExpression="SET object_deleted = :t REMOVE gsi2pk, gsi2sk",
                ExpressionAttributeValues={":t": True},
            )
            marked += 1
        return marked

    def findings_of(self, bucket: str, key: str) -> Iterator[dict]:
        yield from self._query(
            KeyConditionExpression=Key("pk").eq(object_pk(bucket, key)) & Key("sk").begins_with("FINDING#")
        )

    def open_findings(self, bucket: str, severity: str) -> Iterator[dict]:
        yield from self._query(IndexName=OPEN_BY_SEVERITY, KeyConditionExpression=Key("gsi2pk").eq(f"OPEN#{bucket}#{severity}"))

    def all_findings(self, bucket: str, prefix: str = "") -> Iterator[dict]:
        for summary in self.list_summaries(bucket, prefix):
            yield from self.findings_of(bucket, summary["key"])

    # -- review audit trail -----------------------------------------------------------------
    def audit_of(self, bucket: str, key: str, finding_id: str | None = None) -> Iterator[dict]:
        """Audit entries of one object (or of one of its findings), by finding id then time."""
        prefix = f"AUDIT#{finding_id}#" if finding_id else "AUDIT#"
        yield from self._query(KeyConditionExpression=Key("pk").eq(object_pk(bucket, key)) & Key("sk").begins_with(prefix))

    # -- internals --------------------------------------------------------------------------
    def _finding_item(self, ref: ObjectRef, seq: int, finding: Finding) -> dict:
        data = finding.to_dict()
        data.pop("object")
        fid = finding_id(ref.bucket, ref.key, ref.version_token, seq)
        return to_item(
            {
                **data,
                "pk": object_pk(ref.bucket, ref.key),
                "sk": finding_sk(ref.version_token, seq),
                "finding_id": fid,
                "bucket": ref.bucket,
                "key": ref.key,
                "version": ref.version_token,
                "review_status": OPEN,
                "gsi2pk": f"OPEN#{ref.bucket}#{finding.severity}",
                "gsi2sk": f"{ref.key}#{fid}",
            }
        )

    def _delete_findings(self, ref: ObjectRef, keep_version: str) -> None:
        keep_prefix = f"FINDING#{keep_version}#"
        stale = self._query(
            KeyConditionExpression=Key("pk").eq(object_pk(ref.bucket, ref.key)) & Key("sk").begins_with("FINDING#"),
            ProjectionExpression="pk, sk",
        )
        with self.table.batch_writer() as batch:
            for item in stale:
                if not item["sk"].startswith(keep_prefix):
                    batch.delete_item(Key={"pk": item["pk"], "sk": item["sk"]})

    def _query(self, **kwargs) -> Iterator[dict]:
        while True:
            page = self.table.query(**kwargs)
            for item in page.get("Items", []):
                yield from_item(item)
            if "LastEvaluatedKey" not in page:
                return
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def finding_from_item(item: dict) -> Finding:
    """Rebuild a Finding from its item; `object` is the S3 key."""
    return Finding.from_dict({**item, "object": item["key"]})


__all__ = ["FindingsStore", "finding_from_item"]
