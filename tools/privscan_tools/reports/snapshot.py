"""What a dataset report is drawn from: one read of the findings table, as plain data.

Gathering is the only step that touches the store; the renderers work on the
snapshot alone, so they are pure and can be tested without AWS. Finding items are
cut down to what a report shows: fingerprints and per-occurrence details stay in
the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from privscan.store.findings_store import FindingsStore, now_iso

FINDING_FIELDS = (
    "finding_id",
    "key",
    "record",
    "field",
    "start",
    "end",
    "entity_type",
    "severity",
    "rule_ids",
    "preview",
    "count",
    "role",
    "review_status",
    "reviewed_by",
    "reviewed_at",
    "object_deleted",
)
AUDIT_FIELDS = ("finding_id", "key", "at", "actor", "from_status", "to_status", "note", "suppression")


@dataclass(frozen=True)
class DatasetSnapshot:
    bucket: str
    prefix: str
    generated_at: str
    summaries: list[dict] = field(default_factory=list)  # SUMMARY items, ordered by key
    findings: list[dict] = field(default_factory=list)  # FINDING_FIELDS of every finding item
    audit: list[dict] = field(default_factory=list)  # AUDIT_FIELDS of every audit entry, oldest first


def _pick(item: dict, names: tuple[str, ...]) -> dict:
    return {name: item[name] for name in names if name in item}


def gather(store: FindingsStore, bucket: str, prefix: str = "", generated_at: str | None = None) -> DatasetSnapshot:
    summaries = sorted(store.list_summaries(bucket, prefix), key=lambda s: s["key"])
    findings, audit = [], []
    for summary in summaries:
        findings += [_pick(item, FINDING_FIELDS) for item in store.findings_of(bucket, summary["key"])]
        audit += [_pick(item, AUDIT_FIELDS) for item in store.audit_of(bucket, summary["key"])]
    audit.sort(key=lambda entry: (entry.get("at", ""), entry.get("key", ""), entry.get("finding_id", "")))
    return DatasetSnapshot(bucket, prefix, generated_at or now_iso(), summaries, findings, audit)
