"""S3 notifications, parsed at the edge into what the service needs.

Each SQS message body is one S3 notification that may hold several records. Keys
arrive URL-encoded (a space is ``+``), so every key is decoded here, once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote_plus, unquote_plus

from aws_lambda_powertools.utilities.data_classes import S3Event


@dataclass(frozen=True, slots=True)
class ObjectRef:
    bucket: str
    key: str
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    sequencer: str | None = None

    @property
    def version_token(self) -> str:
        """What identifies this version: the version id, else the eTag (unversioned buckets)."""
        return self.version_id or self.etag or "null"


@dataclass(frozen=True, slots=True)
class ObjectEvent:
    kind: str  # "created" | "removed"
    ref: ObjectRef
    delete_marker: bool = False  # ObjectRemoved:DeleteMarkerCreated: the object is gone, its versions stay

    def idempotency_key(self) -> dict:
        return {"kind": self.kind, "bucket": self.ref.bucket, "key": self.ref.key, "version": self.ref.version_token}


def parse_notification(body: str) -> list[ObjectEvent]:
    """Parse one S3 notification (an SQS message body). Test events and other services yield nothing."""
    payload = json.loads(body)
    if payload.get("Event") == "s3:TestEvent" or "Records" not in payload:
        return []
    events = []
    for record in S3Event(payload).records:
        if record.event_source != "aws:s3":
            continue
        name = record.event_name
        kind = (
            "created" if name.startswith("ObjectCreated") else "removed" if name.startswith("ObjectRemoved") else None
        )
        if kind is None:
            continue
        obj = record.s3.get_object
        events.append(
            ObjectEvent(
                kind=kind,
                ref=ObjectRef(
                    bucket=record.s3.bucket.name,
                    key=unquote_plus(obj.key),
                    version_id=obj.version_id or None,
                    etag=(obj.etag or None) if kind == "created" else None,
                    size=int(obj["size"]) if obj.get("size") is not None else None,
                    sequencer=obj.get("sequencer"),  # moto omits it; S3 always sends it
                ),
                delete_marker=name == "ObjectRemoved:DeleteMarkerCreated",
            )
        )
    return events


def created_notification(ref: ObjectRef) -> str:
    """The body S3 sends to the scan queue for an upload of `ref` (key URL-encoded, as S3 does): how the
    API (s3:// scans) and the backfill submit an object to the scan function."""
    obj = {"key": quote_plus(ref.key), "size": ref.size, "eTag": ref.etag}
    if ref.version_id:
        obj["versionId"] = ref.version_id
    return json.dumps(
        {
            "Records": [
                {
                    "eventVersion": "2.1",
                    "eventSource": "aws:s3",
                    "eventName": "ObjectCreated:Put",
                    "s3": {
                        "s3SchemaVersion": "1.0",
                        "bucket": {"name": ref.bucket, "arn": f"arn:aws:s3:::{ref.bucket}"},
                        "object": obj,
                    },
                }
            ]
        }
    )
