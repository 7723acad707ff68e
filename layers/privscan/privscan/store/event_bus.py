"""Findings as EventBridge events: ``privscan`` is the source, ``Privscan Finding`` and ``Privscan Finding
Review`` the detail types, the detail a finding's public fields (masked preview, fingerprint, location with
the key as the findings store renders it), its id and review status. PutEvents takes at most 10 entries a
call (and 256 KB, which 10 findings stay well under: a stored finding is bounded, engine/redact.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from privscan.store.publish import PublishFailed, batches

SOURCE = "privscan"
NEW_FINDING, REVIEW_CHANGE = "Privscan Finding", "Privscan Finding Review"
MAX_ENTRIES = 10
DETAIL_FIELDS = (
    "finding_id",
    "bucket",
    "key",
    "version",
    "member",
    "record",
    "field",
    "start",
    "end",
    "role",
    "entity_type",
    "score",
    "severity",
    "rule_ids",
    "preview",
    "fingerprint",
    "count",
    "distinct",
    "where",
    "review_status",
)


def detail(item: dict) -> dict:
    """The event detail of a stored finding: its public fields only (occurrences are left out)."""
    return {name: item[name] for name in DETAIL_FIELDS if item.get(name) is not None}


class EventBridgePublisher:
    """Puts finding events on `bus` (a name or an ARN) with the given client (boto3 `events`)."""

    def __init__(self, client: Any, bus: str):
        self.client = client
        self.bus = bus

    def _put(self, detail_type: str, details: Sequence[dict]) -> None:
        entries = [
            {
                "Source": SOURCE,
                "DetailType": detail_type,
                "Detail": json.dumps(d, ensure_ascii=False, default=str),
                "EventBusName": self.bus,
            }
            for d in details
        ]
        failed = 0
        for batch in batches(entries, MAX_ENTRIES):
            failed += self.client.put_events(Entries=list(batch)).get("FailedEntryCount", 0)
        if failed:
            raise PublishFailed(f"EventBridge refused {failed} of {len(entries)} events")

    def findings_recorded(self, items: Sequence[dict]) -> None:
        self._put(NEW_FINDING, [detail(item) for item in items])

    def review_changed(self, item: dict, from_status: str, to_status: str, at: str) -> None:
        self._put(REVIEW_CHANGE, [{**detail(item), "from_status": from_status, "review_status": to_status, "at": at}])
