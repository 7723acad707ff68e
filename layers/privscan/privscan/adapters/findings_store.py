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
                                (``gsi2pk = OPEN#<bucket>#<severity>``); every one is in
                                GSI ``ByFindingId`` (keys only) for lookups by id
``SCAN#<id>`` / ``SCAN`` (own    an s3:// scan requested through the API: bucket, key,
partition)                      version, who asked and when
``AUDIT#<finding id>#<at>``     one review change of a finding (append-only: written once,
                                never updated or deleted through the API)
==============================  ===================================================

Every key is derived from the object version and the finding's position in the
scan, so a repeated delivery rewrites the same items instead of adding new ones.

An object key may hold personal data (``exports/anna.schmidt@example.com/data.csv``). Items and index
keys never hold it verbatim: the store writes ``stored_key(key)`` wherever the key goes (``pk``,
``key``, ``gsi1sk``, ``gsi2sk``, the finding id), which the service and the API set to the masking
policy's rendering (engine/redact.py: each segment holding personal data masked, with a keyed token,
so distinct keys never collide). A key without personal data is stored as it is, so listing a bucket
by prefix works as before; a stored key passed back in (from an item) is left unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from boto3.dynamodb.conditions import Attr, Key

from privscan.adapters.dynamo import from_item, to_item
from privscan.events import ObjectRef
from privscan.model import Finding, ScanStatus

SUMMARY = "SUMMARY"
BY_DATASET = "ByDataset"
OPEN_BY_SEVERITY = "OpenBySeverity"
BY_FINDING_ID = "ByFindingId"
OPEN = "open"
REVIEW_STATUSES = ("open", "confirmed", "false_positive", "accepted_risk", "remediated")


class ReviewConflict(Exception):
    """The finding's review status changed since it was read (a concurrent review)."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def object_pk(bucket: str, key: str) -> str:
    return f"OBJ#{bucket}#{key}"


def finding_sk(version_token: str, seq: int) -> str:
    return f"FINDING#{version_token}#{seq:09d}"


def audit_sk(finding_id: str, at: str = "") -> str:
    return f"AUDIT#{finding_id}#{at}"


def finding_id(bucket: str, key: str, version_token: str, seq: int) -> str:
    digest = hashlib.sha256(f"{bucket}\x1f{key}\x1f{version_token}\x1f{seq}".encode()).hexdigest()
    return digest[:24]


def as_given(key: str) -> str:
    return key


class FindingsStore:
    def __init__(self, table, stored_key: Callable[[str], str] | None = None):
        """`table` is a boto3 DynamoDB Table resource; `stored_key(key)` is how an object key is stored
        (see the module docstring; without it, as given: for readers that only pass stored keys back)."""
        self.table = table
        self.stored_key = stored_key or as_given

    def _pk(self, bucket: str, key: str) -> str:
        return object_pk(bucket, self.stored_key(key))

    # -- summaries and statuses -------------------------------------------------------------
    def get_summary(self, bucket: str, key: str) -> dict | None:
        item = self.table.get_item(Key={"pk": self._pk(bucket, key), "sk": SUMMARY}).get("Item")
        return from_item(item) if item else None

    def set_status(self, ref: ObjectRef, status: ScanStatus, reason: str | None = None) -> None:
        self.table.put_item(
            Item=to_item(
                {
                    "pk": self._pk(ref.bucket, ref.key),
                    "sk": f"STATUS#{ref.version_token}",
                    "bucket": ref.bucket,
                    "key": self.stored_key(ref.key),
                    "version": ref.version_token,
                    "status": str(status),
                    "reason": reason,
                    "updated_at": now_iso(),
                }
            )
        )

    def put_summary(self, ref: ObjectRef, summary: dict[str, Any]) -> None:
        key = self.stored_key(ref.key)
        item = {
            **summary,
            "pk": object_pk(ref.bucket, key),
            "sk": SUMMARY,
            "gsi1pk": f"BUCKET#{ref.bucket}",
            "gsi1sk": key,
            "bucket": ref.bucket,
            "key": key,
            "version": ref.version_token,
            "version_id": ref.version_id,
            "etag": ref.etag,
            "sequencer": ref.sequencer,
            "updated_at": now_iso(),
        }
        self.table.put_item(Item=to_item(item))

    def version_status(self, bucket: str, key: str, version: str) -> dict | None:
        item = self.table.get_item(Key={"pk": self._pk(bucket, key), "sk": f"STATUS#{version}"}).get("Item")
        return from_item(item) if item else None

    # -- scans requested through the API -----------------------------------------------------
    def put_scan_request(self, scan_id: str, ref: ObjectRef, requested_by: str) -> None:
        self.table.put_item(
            Item=to_item(
                {
                    "pk": f"SCAN#{scan_id}",
                    "sk": "SCAN",
                    "scan_id": scan_id,
                    "bucket": ref.bucket,
                    "key": self.stored_key(ref.key),
                    "version": ref.version_token,
                    "requested_by": requested_by,
                    "requested_at": now_iso(),
                }
            )
        )

    def scan_request(self, scan_id: str) -> dict | None:
        item = self.table.get_item(Key={"pk": f"SCAN#{scan_id}", "sk": "SCAN"}).get("Item")
        return from_item(item) if item else None

    def list_summaries(self, bucket: str, prefix: str = "") -> Iterator[dict]:
        yield from self._query(**_dataset_query(bucket, prefix))

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
        for item in self._query(
            KeyConditionExpression=Key("pk").eq(self._pk(bucket, key)) & Key("sk").begins_with("FINDING#")
        ):
            self.table.update_item(
                Key={"pk": item["pk"], "sk": item["sk"]},
                UpdateExpression="SET object_deleted = :t REMOVE gsi2pk, gsi2sk",
                ExpressionAttributeValues={":t": True},
            )
            marked += 1
        return marked

    def findings_of(self, bucket: str, key: str) -> Iterator[dict]:
        yield from self._query(
            KeyConditionExpression=Key("pk").eq(self._pk(bucket, key)) & Key("sk").begins_with("FINDING#")
        )

    def open_findings(self, bucket: str, severity: str) -> Iterator[dict]:
        yield from self._query(
            IndexName=OPEN_BY_SEVERITY, KeyConditionExpression=Key("gsi2pk").eq(f"OPEN#{bucket}#{severity}")
        )

    def all_findings(self, bucket: str, prefix: str = "") -> Iterator[dict]:
        for summary in self.list_summaries(bucket, prefix):
            yield from self.findings_of(bucket, summary["key"])

    # -- review -----------------------------------------------------------------------------
    def get_finding(self, finding_id: str) -> dict | None:
        keys = next(
            self._query(
                IndexName=BY_FINDING_ID,
                KeyConditionExpression=Key("finding_id").eq(finding_id),
                FilterExpression=Attr("sk").begins_with("FINDING#"),
            ),
            None,
        )  # not its audit entries
        if keys is None:
            return None
        item = self.table.get_item(Key={"pk": keys["pk"], "sk": keys["sk"]}).get("Item")
        return from_item(item) if item else None

    def review(self, finding: dict, status: str, audit: dict) -> None:
        """Set the review fields of `finding` and append `audit` (actor, at, note, ...), in one transaction.

        Fails with ReviewConflict when the stored status is no longer `finding`'s (someone else reviewed it).
        """
        keep_open = status == OPEN and not finding.get("object_deleted")
        update = "SET review_status = :to, reviewed_by = :by, reviewed_at = :at, review_note = :note"
        values = {
            ":to": status,
            ":by": audit["actor"],
            ":at": audit["at"],
            ":note": audit.get("note") or "",
            ":from": finding.get("review_status", OPEN),
        }
        if keep_open:
            update += ", gsi2pk = :g2pk, gsi2sk = :g2sk"
            values |= {
                ":g2pk": f"OPEN#{finding['bucket']}#{finding['severity']}",
                ":g2sk": f"{finding['key']}#{finding['finding_id']}",
            }
        else:
            update += " REMOVE gsi2pk, gsi2sk"
        entry = {
            **audit,
            "pk": finding["pk"],
            "sk": audit_sk(finding["finding_id"], audit["at"]),
            "finding_id": finding["finding_id"],
            "bucket": finding["bucket"],
            "key": finding["key"],
        }
        client = self.table.meta.client  # the resource's client: plain Python values, as the Table takes
        try:
            client.transact_write_items(
                TransactItems=[
                    {
                        "Update": {
                            "TableName": self.table.name,
                            "Key": {"pk": finding["pk"], "sk": finding["sk"]},
                            "UpdateExpression": update,
                            "ExpressionAttributeValues": to_item(values),
                            "ConditionExpression": "attribute_exists(pk) AND review_status = :from",
                        }
                    },
                    {
                        "Put": {
                            "TableName": self.table.name,
                            "Item": to_item(entry),
                            "ConditionExpression": "attribute_not_exists(sk)",
                        }
                    },
                ]
            )
        except client.exceptions.TransactionCanceledException as error:
            raise ReviewConflict(finding["finding_id"]) from error

    def audit_of(self, bucket: str, key: str, finding_id: str | None = None) -> Iterator[dict]:
        """Review changes of one object's findings (or of one finding), oldest first."""
        prefix = audit_sk(finding_id) if finding_id else "AUDIT#"
        yield from self._query(
            KeyConditionExpression=Key("pk").eq(self._pk(bucket, key)) & Key("sk").begins_with(prefix)
        )

    def page_of_findings(
        self, bucket: str, prefix: str, keep: Callable[[dict], bool], limit: int, after: tuple[str, str] | None = None
    ) -> tuple[list[dict], tuple[str, str] | None]:
        """Up to `limit` findings under `prefix` that `keep` accepts, in (key, sk) order, from after the
        `after` position (key, sk); also returns where the next page starts (None: no more)."""
        page: list[dict] = []
        for item in self._findings_from(bucket, prefix, after):
            if keep(item):
                if len(page) == limit:
                    last = page[-1]
                    return page, (last["key"], last["sk"])
                page.append(item)
        return page, None

    def _findings_from(self, bucket: str, prefix: str, after: tuple[str, str] | None) -> Iterator[dict]:
        summaries = _dataset_query(bucket, prefix)
        if after:
            key, sk = after
            key = self.stored_key(key)
            pk = object_pk(bucket, key)
            yield from self._query(
                KeyConditionExpression=Key("pk").eq(pk) & Key("sk").begins_with("FINDING#"),
                ExclusiveStartKey={"pk": pk, "sk": sk},
            )
            summaries["ExclusiveStartKey"] = {"pk": pk, "sk": SUMMARY, "gsi1pk": f"BUCKET#{bucket}", "gsi1sk": key}
        for summary in self._query(**summaries):
            yield from self.findings_of(bucket, summary["key"])

    # -- internals --------------------------------------------------------------------------
    def _finding_item(self, ref: ObjectRef, seq: int, finding: Finding) -> dict:
        data = finding.to_dict()
        data.pop("object")
        key = self.stored_key(ref.key)
        fid = finding_id(ref.bucket, key, ref.version_token, seq)
        return to_item(
            {
                **data,
                "pk": object_pk(ref.bucket, key),
                "sk": finding_sk(ref.version_token, seq),
                "finding_id": fid,
                "bucket": ref.bucket,
                "key": key,
                "version": ref.version_token,
                "review_status": OPEN,
                "gsi2pk": f"OPEN#{ref.bucket}#{finding.severity}",
                "gsi2sk": f"{key}#{fid}",
            }
        )

    def _delete_findings(self, ref: ObjectRef, keep_version: str) -> None:
        keep_prefix = f"FINDING#{keep_version}#"
        stale = self._query(
            KeyConditionExpression=Key("pk").eq(self._pk(ref.bucket, ref.key)) & Key("sk").begins_with("FINDING#"),
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


def _dataset_query(bucket: str, prefix: str) -> dict[str, Any]:
    """Query arguments for the summaries of a bucket's objects under `prefix`, in key order."""
    condition = Key("gsi1pk").eq(f"BUCKET#{bucket}")
    if prefix:
        condition &= Key("gsi1sk").begins_with(prefix)
    return {"IndexName": BY_DATASET, "KeyConditionExpression": condition}


def finding_from_item(item: dict) -> Finding:
    """Rebuild a Finding from its item; `object` is the S3 key."""
    return Finding.from_dict({**item, "object": item["key"]})


__all__ = ["FindingsStore", "ReviewConflict", "finding_from_item"]
