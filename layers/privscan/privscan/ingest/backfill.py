"""Backfill: scan what an existing bucket or prefix already holds, skipping versions already scanned.

Objects are submitted as the S3 notification the scan queue receives on upload, so the scan function
treats them as uploads: small ones are scanned directly, large ones go to the state machine. They carry
no S3 sequencer: the version's LastModified orders them, and an S3 event of the same key comes after
them (privscan.ingest.events).
Used by `privscan backfill` (a listing of current versions) and by the backfill state machine
(a Distributed Map over an S3 listing or Inventory manifest, batches of items per invocation).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote_plus

from privscan.ingest.events import ObjectRef, created_notification, iso_time
from privscan.ingest.service import TERMINAL
from privscan.store.findings_store import FindingsStore

SQS_BATCH = 10


@dataclass
class BackfillCounts:
    """What one backfill batch did: objects listed, skipped as already scanned, submitted."""

    listed: int = 0
    skipped: int = 0
    submitted: int = 0


def scanned(store: FindingsStore, ref: ObjectRef) -> bool:
    """The object's summary already holds this version (or this eTag, for a listing without versions)."""
    summary = store.get_summary(ref.bucket, ref.key)
    if not summary or summary.get("status") not in TERMINAL:
        return False
    if ref.version_id and ref.version_id in (summary.get("version_id"), summary.get("version")):
        return True
    # without a version id on one side (a listing; a notification without one): the same content
    return (
        not (ref.version_id and summary.get("version_id"))
        and bool(ref.etag)
        and summary.get("etag", "").strip('"') == ref.etag.strip('"')
    )


def current_versions(s3, bucket: str, prefix: str) -> Iterator[ObjectRef]:
    """Current versions under `prefix` (a bucket without versioning lists its objects with version null)."""
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
        for version in page.get("Versions", []):
            if version.get("IsLatest"):
                version_id = version.get("VersionId")
                yield ObjectRef(
                    bucket,
                    version["Key"],
                    None if version_id in (None, "null") else version_id,
                    version.get("ETag"),
                    version.get("Size"),
                    modified_at=iso_time(version.get("LastModified")),
                )


def backfill(store: FindingsStore, sqs, queue_url: str, refs: Iterable[ObjectRef]) -> BackfillCounts:
    """Submit the listed object versions not scanned yet to the scan queue, as S3 notifications, in batches."""
    counts, batch = BackfillCounts(), []
    for ref in refs:
        counts.listed += 1
        if scanned(store, ref):
            counts.skipped += 1
            continue
        batch.append(ref)
        if len(batch) == SQS_BATCH:
            counts.submitted += _send(sqs, queue_url, batch)
            batch = []
    if batch:
        counts.submitted += _send(sqs, queue_url, batch)
    return counts


def _send(sqs, queue_url: str, refs: list[ObjectRef]) -> int:
    entries = [{"Id": str(i), "MessageBody": created_notification(ref)} for i, ref in enumerate(refs)]
    failed = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries).get("Failed", [])
    if failed:
        raise RuntimeError(f"{len(failed)} backfill messages were not accepted by the queue")
    return len(refs)


def listed_objects(bucket: str, items: Iterable[dict]) -> Iterator[ObjectRef]:
    """The objects to consider among the items of one Distributed Map batch, in order.

    Items come from an S3 listing (ItemReader s3:listObjectsV2: Key, ETag, Size) or from an S3 Inventory
    (ItemReader InputType MANIFEST: the inventory's fields as strings: Bucket, Key URL-encoded as in a
    CSV inventory, VersionId, IsLatest, IsDeleteMarker, Size, ETag). An inventory of a versioned bucket
    lists every version: only current versions that are not delete markers are scanned, and only those
    of the stack's upload bucket.
    """
    for item in items:
        if "Bucket" not in item:  # a listing
            yield ObjectRef(
                bucket,
                item["Key"],
                None,
                item.get("ETag") or item.get("Etag"),
                item.get("Size"),
                modified_at=iso_time(item.get("LastModified")),
            )
            continue
        current = str(item.get("IsLatest", "true")).lower() != "false"  # absent in an unversioned inventory
        deleted = str(item.get("IsDeleteMarker", "false")).lower() == "true"
        if item["Bucket"] != bucket or not current or deleted:
            continue
        size = item.get("Size")
        yield ObjectRef(
            bucket,
            unquote_plus(item["Key"]),
            item.get("VersionId") or None,
            item.get("ETag") or None,
            int(size) if size not in (None, "") else None,
            modified_at=iso_time(item.get("LastModifiedDate")),
        )
