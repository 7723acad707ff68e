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
==============================  ===================================================

Review changes live in a table of their own, the audit table, with the same keys
(``pk = OBJ#<bucket>#<key>``, ``sk = AUDIT#<finding id>#<at>``): one item per change,
written once with a put conditioned on ``attribute_not_exists``. No function role may
update or delete an item of that table (template.yaml grants the API PutItem and reads
only), so the trail is append-only by IAM, not by this code alone.

Every key is derived from the object version and the finding's position in the
scan, so a repeated delivery rewrites the same items instead of adding new ones.

Order: the summary's ``sequence`` is a fencing token. Events of one key arrive in any order and
their scans finish in any order, so each writer (a scan's results, a removal) first *claims* the
object: a conditional update that sets ``sequence`` to its event's (``ObjectRef.sequence``, which
sorts in event order) unless a later event's is already there. Every later write of that writer
(its findings items, the deletion of other items, the flags of a removal) goes in a transaction
with a check that ``sequence`` is still its own, and the summary is put on the same condition.
So once a later event claimed the object, an earlier one cannot add, delete or flag a single item:
its write fails and it ends as ``superseded``. The last event claims last; after its claim only it
writes, its findings replace every other item, and what it leaves is the end state, whatever the
order of deliveries and scans. A removal leaves the summary as a tombstone (status ``deleted``, the
removal's sequence), so a create it follows is recorded ``superseded`` even when it arrives later,
and a re-created key (a later sequence) is scanned as usual. Repeating an event claims the same
sequence again and rewrites the same items. A summary without ``sequence`` can be claimed by any
event. Findings writes cost twice the capacity of plain writes (transactions) and are applied in
transactions of up to 99 items.

An object key may hold personal data (``exports/anna.schmidt@example.com/data.csv``). Items and index
keys never hold it verbatim: the store writes ``stored_key(key)`` wherever the key goes (``pk``,
``key``, ``gsi1sk``, ``gsi2sk``, the finding id), which the service and the API set to the masking
policy's rendering (engine/redact.py: each segment holding personal data masked, with a keyed token,
so distinct keys never collide). A key without personal data is stored as it is, so listing a bucket
by prefix works as before; a stored key passed back in (from an item) is left unchanged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

from privscan.ingest.events import ObjectRef
from privscan.model import Finding, ScanStatus
from privscan.store.dynamo import from_item, to_item
from privscan.store.publish import FindingsPublisher
from privscan.vocabulary import ReviewStatus

logger = logging.getLogger(__name__)

SUMMARY = "SUMMARY"
BY_DATASET = "ByDataset"
OPEN_BY_SEVERITY = "OpenBySeverity"
BY_FINDING_ID = "ByFindingId"
SEQUENCE = "sequence"  # the summary's fencing token: the sequence of the event that holds the object
TRANSACTION_ITEMS = 99  # and the check of the claim: DynamoDB's limit is 100 actions
TRANSACTION_BYTES = 2 * 1024**2  # well under the 4 MB a transaction may carry
CONFLICT_ATTEMPTS = 8  # a transaction that meets another on the same item is retried, with jitter
CLAIMABLE = "attribute_not_exists(#seq) OR #seq <= :seq"


class ReviewConflict(Exception):
    """The finding's review status changed since it was read (a concurrent review)."""


class Superseded(Exception):
    """A later event of the object (a newer version, a removal) holds it: this writer's results are stale."""


def now_iso() -> str:
    """The current UTC time as the ISO 8601 text items carry, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def object_pk(bucket: str, key: str) -> str:
    """The partition key every item of one object shares."""
    return f"OBJ#{bucket}#{key}"


def finding_sk(version_token: str, seq: int) -> str:
    """The sort key of one finding of an object version; the zero-padded sequence keeps findings in scan order."""
    return f"FINDING#{version_token}#{seq:09d}"


def audit_sk(finding_id: str, at: str = "") -> str:
    """The audit sort key of one finding's review change at `at` (or, without it, the prefix of all of them)."""
    return f"AUDIT#{finding_id}#{at}"


def audit_item(finding: dict, audit: dict) -> dict:
    """The audit table's item for `audit` (actor, at, ...) on `finding`: keyed beside the finding's object,
    sorted by time."""
    return {
        **audit,
        "pk": finding["pk"],
        "sk": audit_sk(finding["finding_id"], audit["at"]),
        "finding_id": finding["finding_id"],
        "bucket": finding["bucket"],
        "key": finding["key"],
    }


def finding_id(bucket: str, key: str, version_token: str, seq: int) -> str:
    """A finding's stable id: the same object version and position always give the same id, so a redelivered scan
    overwrites instead of duplicating."""
    digest = hashlib.sha256(f"{bucket}\x1f{key}\x1f{version_token}\x1f{seq}".encode()).hexdigest()
    return digest[:24]


def as_given(key: str) -> str:
    """Store an object key as it was given (for readers that only pass stored keys back)."""
    return key


class FindingsStore:
    """Findings, summaries, version statuses and review changes of scanned objects in DynamoDB, written in event order
    (see the module docstring)."""

    def __init__(
        self,
        table,
        audit_table=None,
        stored_key: Callable[[str], str] | None = None,
        publisher: FindingsPublisher | None = None,
    ):
        """`table` and `audit_table` are boto3 DynamoDB Table resources; only the review API and the
        reports need the audit table (the scan functions have no access to it). `stored_key(key)` is how
        an object key is stored (see the module docstring; without it, as given: for readers that only
        pass stored keys back). `publisher` (store/publish.py) is told of the findings written and of
        review changes: Security Hub, EventBridge."""
        self.table = table
        self.audit_table = audit_table
        self.stored_key = stored_key or as_given
        self.publisher = publisher

    def _pk(self, bucket: str, key: str) -> str:
        return object_pk(bucket, self.stored_key(key))

    # -- summaries and statuses -------------------------------------------------------------
    def get_summary(self, bucket: str, key: str, consistent: bool = False) -> dict | None:
        """The latest summary of an object, or None before its first scan."""
        item = self.table.get_item(Key={"pk": self._pk(bucket, key), "sk": SUMMARY}, ConsistentRead=consistent)
        return from_item(item["Item"]) if "Item" in item else None

    def claim(self, ref: ObjectRef, only_version: str | None = None) -> None:
        """Hold the object for `ref`'s event: the summary's sequence becomes `ref.sequence` unless a later
        event's is there (then Superseded). With `only_version`, only while the summary is of that version."""
        condition = f"({CLAIMABLE})"
        values = {":seq": ref.sequence}
        if only_version is not None:
            condition += " AND #version = :version"
            values[":version"] = only_version
        _retry_conflicts(
            lambda: self._conditional(
                self.table.update_item,
                Key={"pk": self._pk(ref.bucket, ref.key), "sk": SUMMARY},
                UpdateExpression="SET #seq = :seq",
                ConditionExpression=condition,
                ExpressionAttributeNames={"#seq": SEQUENCE, **({"#version": "version"} if only_version else {})},
                ExpressionAttributeValues=values,
            )
        )

    def set_status(self, ref: ObjectRef, status: ScanStatus, reason: str | None = None) -> None:
        """Record what became of one object version (queued, scanning, done, ...) with a content-free reason."""
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
        """Write an object's summary (counts, outcome, results location), indexed for dataset queries."""
        item = {
            **summary,
            "pk": self._pk(ref.bucket, ref.key),
            "sk": SUMMARY,
            "gsi1pk": f"BUCKET#{ref.bucket}",
            "gsi1sk": self.stored_key(ref.key),
            "bucket": ref.bucket,
            "key": self.stored_key(ref.key),
            "version": ref.version_token,
            "version_id": ref.version_id,
            "etag": ref.etag,
            "sequencer": ref.sequencer,
            "updated_at": now_iso(),
        }
        self._put_summary_item({**item, SEQUENCE: ref.sequence})

    def _put_summary_item(self, item: dict) -> None:
        """Put a summary unless a later event holds the object (then Superseded)."""
        _retry_conflicts(
            lambda: self._conditional(
                self.table.put_item,
                Item=to_item(item),
                ConditionExpression=CLAIMABLE,
                ExpressionAttributeNames={"#seq": SEQUENCE},
                ExpressionAttributeValues={":seq": item[SEQUENCE]},
            )
        )

    def version_status(self, bucket: str, key: str, version: str) -> dict | None:
        """The recorded status of one object version, or None if it was never seen."""
        item = self.table.get_item(Key={"pk": self._pk(bucket, key), "sk": f"STATUS#{version}"}).get("Item")
        return from_item(item) if item else None

    # -- scans requested through the API -----------------------------------------------------
    def put_scan_request(self, scan_id: str, ref: ObjectRef, requested_by: str) -> None:
        """Record a scan requested through the API, so that its caller can poll it by id."""
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
        """A scan requested through the API, by id, or None."""
        item = self.table.get_item(Key={"pk": f"SCAN#{scan_id}", "sk": "SCAN"}).get("Item")
        return from_item(item) if item else None

    def list_summaries(self, bucket: str, prefix: str = "", attributes: tuple[str, ...] = ()) -> Iterator[dict]:
        """The summaries of every object under a bucket prefix, one query page at a time (only `attributes`, when
        given)."""
        yield from self._query(**_dataset_query(bucket, prefix), **_projection(attributes))

    # -- findings ---------------------------------------------------------------------------
    def replace_findings(self, ref: ObjectRef, findings: Iterable[Finding]) -> int:
        """Claim the object for `ref`'s event, write this version's findings, then delete every other finding
        item. Raises Superseded when a later event holds the object. Returns the number written."""
        self.claim(ref)
        written: set[str] = set()
        published: list[dict] = []

        def puts() -> Iterator[dict]:
            for seq, finding in enumerate(findings):
                fields = self._finding_fields(ref, seq, finding)
                written.add(fields["sk"])
                if self.publisher:
                    published.append(fields)
                yield {"Put": {"TableName": self.table.name, "Item": to_item(fields)}}

        self._fenced(ref, puts())
        stale = (key for key in self._finding_keys(ref.bucket, ref.key) if key["sk"] not in written)
        self._fenced(ref, ({"Delete": {"TableName": self.table.name, "Key": key}} for key in stale))
        if self.publisher and published:
            self.publisher.findings_recorded(published)
        return len(written)

    def remove(self, ref: ObjectRef, only_version: str | None = None) -> int:
        """Record the removal `ref`: claim the object, flag its findings deleted (they stay for the audit trail,
        out of the open index) and leave the summary as a tombstone: status deleted, the removal's sequence,
        the last scan's details. `only_version`: a removal of that version alone, recorded only while the
        summary is of it. Raises Superseded when a later event holds the object (or the summary is of another
        version). Returns the number of findings flagged."""
        self.claim(ref, only_version)
        current = self.get_summary(ref.bucket, ref.key, consistent=True) or {}
        flag = {
            "UpdateExpression": "SET object_deleted = :t REMOVE gsi2pk, gsi2sk",
            "ExpressionAttributeValues": {":t": True},
        }
        marked = self._fenced(
            ref,
            (
                {"Update": {"TableName": self.table.name, "Key": key, **flag}}
                for key in self._finding_keys(ref.bucket, ref.key)
            ),
        )
        if current.get("status") is None:  # nothing was recorded of the object yet
            self.put_summary(ref, {"status": "deleted"})
        else:
            tombstone = {"status": "deleted", "sequencer": ref.sequencer, "updated_at": now_iso()}
            self._put_summary_item({**current, **tombstone, SEQUENCE: ref.sequence})
        return marked

    def findings_of(self, bucket: str, key: str, attributes: tuple[str, ...] = ()) -> Iterator[dict]:
        """Every finding of an object's latest scan (only `attributes` of each, when given)."""
        yield from self._query(
            KeyConditionExpression=Key("pk").eq(self._pk(bucket, key)) & Key("sk").begins_with("FINDING#"),
            **_projection(attributes),
        )

    def open_findings(self, bucket: str, severity: str) -> Iterator[dict]:
        """The bucket's findings still open for review at one severity (from the OpenBySeverity index)."""
        yield from self._query(
            IndexName=OPEN_BY_SEVERITY, KeyConditionExpression=Key("gsi2pk").eq(f"OPEN#{bucket}#{severity}")
        )

    def all_findings(self, bucket: str, prefix: str = "") -> Iterator[dict]:
        """Every finding of every object under a bucket prefix."""
        for summary in self.list_summaries(bucket, prefix):
            yield from self.findings_of(bucket, summary["key"])

    # -- review -----------------------------------------------------------------------------
    def get_finding(self, finding_id: str) -> dict | None:
        """One finding by id, or None (the id index holds keys only: the item is read after it)."""
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
        keep_open = status == ReviewStatus.OPEN and not finding.get("object_deleted")
        update = "SET review_status = :to, reviewed_by = :by, reviewed_at = :at, review_note = :note"
        values = {
            ":to": status,
            ":by": audit["actor"],
            ":at": audit["at"],
            ":note": audit.get("note") or "",
            ":from": finding.get("review_status", ReviewStatus.OPEN),
        }
        if keep_open:
            update += ", gsi2pk = :g2pk, gsi2sk = :g2sk"
            values |= {
                ":g2pk": f"OPEN#{finding['bucket']}#{finding['severity']}",
                ":g2sk": f"{finding['key']}#{finding['finding_id']}",
            }
        else:
            update += " REMOVE gsi2pk, gsi2sk"
        entry = audit_item(finding, audit)
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
                            "TableName": self._audit().name,
                            "Item": to_item(entry),
                            "ConditionExpression": "attribute_not_exists(sk)",
                        }
                    },
                ]
            )
        except client.exceptions.TransactionCanceledException as error:
            raise ReviewConflict(finding["finding_id"]) from error
        if self.publisher:
            reviewed = {**finding, "review_status": status, "reviewed_at": audit["at"]}
            try:
                self.publisher.review_changed(reviewed, values[":from"], status, audit["at"])
            except Exception as error:  # noqa: BLE001 - the review is recorded; publishing it is not retried here
                logger.warning("review change not published: %s", type(error).__name__)

    def record_audit(self, finding: dict, audit: dict) -> dict:
        """Append `audit` (actor, at, ...) to `finding`'s trail without changing the finding: an entry that
        records a look at its data (a reveal), not a review. Returns the entry as stored."""
        entry = audit_item(finding, audit)
        self._audit().put_item(Item=to_item(entry), ConditionExpression="attribute_not_exists(sk)")
        return entry

    def audit_of(self, bucket: str, key: str, finding_id: str | None = None) -> Iterator[dict]:
        """Review changes of one object's findings (or of one finding), oldest first."""
        prefix = audit_sk(finding_id) if finding_id else "AUDIT#"
        condition = Key("pk").eq(self._pk(bucket, key)) & Key("sk").begins_with(prefix)
        query: dict[str, Any] = {"KeyConditionExpression": condition}
        while True:
            page = self._audit().query(**query)
            for item in page.get("Items", []):
                yield from_item(item)
            if "LastEvaluatedKey" not in page:
                return
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def _audit(self):
        if self.audit_table is None:
            raise RuntimeError("this findings store was made without the audit table")
        return self.audit_table

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
    def _finding_fields(self, ref: ObjectRef, seq: int, finding: Finding) -> dict:
        """One finding's item as plain values (`to_item` makes it DynamoDB's)."""
        data = finding.to_dict()
        stored = self.stored_key(ref.key)
        member = data.pop("object").removeprefix(f"{stored}!")  # an archive member's finding: archive!member
        if member != finding.object:
            data["member"] = member
        fid = finding_id(ref.bucket, stored, ref.version_token, seq)
        return {
            **data,
            "pk": self._pk(ref.bucket, ref.key),
            "sk": finding_sk(ref.version_token, seq),
            "finding_id": fid,
            "bucket": ref.bucket,
            "key": self.stored_key(ref.key),
            "version": ref.version_token,
            "review_status": ReviewStatus.OPEN,
            "gsi2pk": f"OPEN#{ref.bucket}#{finding.severity}",
            "gsi2sk": f"{self.stored_key(ref.key)}#{fid}",
        }

    def _finding_keys(self, bucket: str, key: str) -> Iterator[dict]:
        """The keys of the object's finding items, read after every write acknowledged before."""
        yield from self._query(
            KeyConditionExpression=Key("pk").eq(self._pk(bucket, key)) & Key("sk").begins_with("FINDING#"),
            ProjectionExpression="pk, sk",
            ConsistentRead=True,
        )

    def _fenced(self, ref: ObjectRef, actions: Iterable[dict]) -> int:
        """Apply write `actions` in transactions that each check `ref`'s event still holds the object (else
        Superseded: transactions already applied stay, the next writer's replace them). Returns how many."""
        check = {
            "ConditionCheck": {
                "TableName": self.table.name,
                "Key": {"pk": self._pk(ref.bucket, ref.key), "sk": SUMMARY},
                "ConditionExpression": "#seq = :seq",
                "ExpressionAttributeNames": {"#seq": SEQUENCE},
                "ExpressionAttributeValues": {":seq": ref.sequence},
            }
        }
        applied = 0
        for batch in _transactions(actions):
            _retry_conflicts(lambda batch=batch: self._transact([check, *batch]))
            applied += len(batch)
        return applied

    def _transact(self, items: list[dict]) -> None:
        client = self.table.meta.client  # the resource's client: plain Python values, as the Table takes
        try:
            client.transact_write_items(TransactItems=items)
        except client.exceptions.TransactionCanceledException as error:
            reasons = [reason.get("Code") for reason in error.response.get("CancellationReasons", [])]
            if reasons[:1] == ["ConditionalCheckFailed"]:
                raise Superseded("a later event holds the object") from None
            raise

    def _conditional(self, write: Callable[..., Any], **kwargs) -> None:
        try:
            write(**kwargs)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise Superseded("a later event holds the object") from None
            raise

    def _query(self, **kwargs) -> Iterator[dict]:
        while True:
            page = self.table.query(**kwargs)
            for item in page.get("Items", []):
                yield from_item(item)
            if "LastEvaluatedKey" not in page:
                return
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _transactions(actions: Iterable[dict]) -> Iterator[list[dict]]:
    """`actions` in lists that fit one transaction (with the check of the claim): by count and by size."""
    batch: list[dict] = []
    size = 0
    for action in actions:
        action_size = len(json.dumps(action, default=str))
        if batch and (len(batch) == TRANSACTION_ITEMS or size + action_size > TRANSACTION_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(action)
        size += action_size
    if batch:
        yield batch


def _conflicted(error: ClientError) -> bool:
    """Another transaction was writing one of the same items at the same moment."""
    code = error.response.get("Error", {}).get("Code")
    reasons = [reason.get("Code") for reason in error.response.get("CancellationReasons", [])]
    return code == "TransactionConflictException" or (
        code == "TransactionCanceledException" and "TransactionConflict" in reasons
    )


def _retry_conflicts(write: Callable[[], None]) -> None:
    for attempt in range(CONFLICT_ATTEMPTS):
        try:
            return write()
        except ClientError as error:
            if not _conflicted(error) or attempt == CONFLICT_ATTEMPTS - 1:
                raise
        time.sleep(random.uniform(0, 0.05 * 2**attempt))


def _dataset_query(bucket: str, prefix: str) -> dict[str, Any]:
    """Query arguments for the summaries of a bucket's objects under `prefix`, in key order."""
    condition = Key("gsi1pk").eq(f"BUCKET#{bucket}")
    if prefix:
        condition &= Key("gsi1sk").begins_with(prefix)
    return {"IndexName": BY_DATASET, "KeyConditionExpression": condition}


def _projection(attributes: tuple[str, ...]) -> dict[str, Any]:
    """Query arguments that read only `attributes` of each item (none: every attribute)."""
    if not attributes:
        return {}
    names = {f"#a{i}": name for i, name in enumerate(attributes)}
    return {"ProjectionExpression": ", ".join(names), "ExpressionAttributeNames": names}


def finding_from_item(item: dict) -> Finding:
    """Rebuild a Finding from its item; `object` is the S3 key, or `key!member` for an archive member's finding."""
    member = item.get("member")
    return Finding.from_dict({**item, "object": f"{item['key']}!{member}" if member else item["key"]})


__all__ = ["FindingsStore", "ReviewConflict", "Superseded", "finding_from_item"]
