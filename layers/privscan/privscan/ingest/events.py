"""S3 notifications, parsed at the edge into what the service needs.

Each SQS message body is one S3 notification that may hold several records. Keys
arrive URL-encoded (a space is ``+``), so every key is decoded here, once.

Events of one key arrive in any order; ``ObjectRef.sequence`` says which came last. S3 gives
every event a ``sequencer``: hexadecimal, growing with the events of a key, of varying length
(compare as numbers: left-pad the shorter with zeros). A version submitted without one (the
backfill, an s3:// scan through the API, moto's notifications) is ordered by the time it was
written (``modified_at``: its LastModified, or the notification's eventTime), then its version
token, and before every event that has a sequencer: a listing or a request can be older than
the last event of the key, an S3 event never is older than a listing of what it wrote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote_plus, unquote_plus

from aws_lambda_powertools.utilities.data_classes import S3Event

from privscan.vocabulary import EventKind

SEQUENCER_DIGITS = 32  # S3's sequencers have 16 to 18
NO_TIME = "00000000T000000000000"


def iso_time(value: datetime | str | None) -> str | None:
    """A listing's or a HEAD's LastModified (a datetime from boto3, text from a Distributed Map) as ISO 8601."""
    return value.isoformat() if isinstance(value, datetime) else value or None


def _moment(text: str | None) -> str:
    """`text` (ISO 8601) as fixed-width UTC digits that sort in time order; zeros when absent or unreadable."""
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        moment = None
    if moment is None:
        return NO_TIME
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """One object version as the service sees it: bucket, key, version, ETag and the event's sequencer (which orders
    events of the same key)."""

    bucket: str
    key: str
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    sequencer: str | None = None
    modified_at: str | None = None  # ISO 8601; orders a version that has no sequencer

    @property
    def version_token(self) -> str:
        """What identifies this version: the version id, else the eTag (unversioned buckets)."""
        return self.version_id or self.etag or "null"

    @property
    def sequence(self) -> str:
        """This event's place among the events of its key, as a string that sorts in event order.

        ``1`` and the sequencer as a zero-padded hex number of fixed width; without a sequencer, ``0``,
        the modification time (UTC, to the microsecond; zeros when unknown) and the version token.
        """
        if self.sequencer:
            number = int(self.sequencer, 16)
            if number >= 16**SEQUENCER_DIGITS:
                raise ValueError(f"an S3 sequencer of more than {SEQUENCER_DIGITS} hex digits")
            return f"1{number:0{SEQUENCER_DIGITS}x}"
        return f"0{_moment(self.modified_at)}#{self.version_token}"


@dataclass(frozen=True, slots=True)
class ObjectEvent:
    """One record of an S3 notification: an object version created or removed."""

    kind: EventKind
    ref: ObjectRef
    delete_marker: bool = False  # ObjectRemoved:DeleteMarkerCreated: the object is gone, its versions stay

    def idempotency_key(self) -> dict:
        """What makes two deliveries of this event the same: kind, object and version."""
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
            EventKind.CREATED
            if name.startswith("ObjectCreated")
            else EventKind.REMOVED
            if name.startswith("ObjectRemoved")
            else None
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
                    etag=(obj.etag or None) if kind == EventKind.CREATED else None,
                    size=int(obj["size"]) if obj.get("size") is not None else None,
                    sequencer=obj.get("sequencer"),  # moto omits it; S3 always sends it
                    modified_at=record.get("eventTime"),
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
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "s3": {
            "s3SchemaVersion": "1.0",
            "bucket": {"name": ref.bucket, "arn": f"arn:aws:s3:::{ref.bucket}"},
            "object": obj,
        },
    }
    if ref.modified_at:  # the version's LastModified: it orders a submission that has no sequencer
        record["eventTime"] = ref.modified_at
    return json.dumps({"Records": [record]})
